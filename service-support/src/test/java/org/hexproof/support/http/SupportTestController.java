package org.hexproof.support.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import java.time.Duration;
import java.util.List;
import org.hexproof.support.db.Sql;
import reactor.core.publisher.Mono;

/** Endpoints exercising the support beans; only in {@link SupportMicronautIT}. */
@Requires(property = "spec.name", value = "SupportMicronautIT")
@Controller("/support-test")
class SupportTestController {
  private final ConnectionFactory connectionFactory;
  private final Sql sql;

  SupportTestController(ConnectionFactory connectionFactory) {
    this.connectionFactory = connectionFactory;
    this.sql = new Sql(connectionFactory, Duration.ofSeconds(5));
  }

  /** Reactive use: the connection is closed by usingWhen. */
  @Get("/one")
  Mono<Integer> one() {
    return Mono.usingWhen(
        connectionFactory.create(),
        c ->
            Mono.from(c.createStatement("SELECT 1").execute())
                .flatMap(r -> Mono.from(r.map((row, meta) -> row.get(0, Integer.class)))),
        Connection::close);
  }

  /** Blocking use, off the event loop. */
  @Get("/items")
  @ExecuteOn(TaskExecutors.BLOCKING)
  List<String> items() {
    return sql.query("SELECT name FROM support_test.item ORDER BY id", r -> r.get(0, String.class));
  }

  @Get("/items/{id}")
  String item(@PathVariable String id) {
    throw new BadRequestException("id: expected a decimal number, got '" + id + "'");
  }

  @Get("/outage")
  String outage() {
    throw new R2dbcNonTransientResourceException("Connection refused: localhost/127.0.0.1:5432");
  }

  @Get("/bad-sql")
  String badSql() {
    throw new R2dbcBadGrammarException("syntax error at or near \"SELEC\"");
  }
}
