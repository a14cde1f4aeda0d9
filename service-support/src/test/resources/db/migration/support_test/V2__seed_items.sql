INSERT INTO item (id, name) VALUES (1, 'antenna');
INSERT INTO item (id, name) VALUES (2, 'gateway');
