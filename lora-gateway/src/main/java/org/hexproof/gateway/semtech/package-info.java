/**
 * Codec for the Semtech UDP packet-forwarder protocol (GWMP), pure: no sockets, no Micronaut. The
 * UDP server moves {@code byte[]} between its socket and {@link
 * org.hexproof.gateway.semtech.GwmpCodec#decode(byte[])} / {@link
 * org.hexproof.gateway.semtech.GwmpPacket#encode()}.
 *
 * <h2>Protocol in brief (shared/reference/radio.md §1)</h2>
 *
 * Every datagram starts {@code [version][token][token][id]}. The gateway sends PUSH_DATA (0x00: its
 * {@link org.hexproof.gateway.semtech.Eui64 EUI}, then JSON with received packets {@code rxpk} and
 * status {@code stat}), answered by PUSH_ACK (0x01); and PULL_DATA (0x02, exactly 12 bytes, a
 * keep-alive), answered by PULL_ACK (0x04). The server sends PULL_RESP (0x03, JSON {@code txpk}
 * from byte 4, no EUI), which the gateway answers with TX_ACK (0x05, EUI then optional {@code
 * txpk_ack}). The {@link org.hexproof.gateway.semtech.Token token} is opaque and echoed. Versions 2
 * and, as ChirpStack allows, 1 are accepted; packets keep their version and replies reuse it.
 * Anything else is a {@link org.hexproof.gateway.semtech.MalformedDatagramException} with a
 * countable reason; the forwarder and the reference servers drop such datagrams without a reply.
 *
 * <h2>Round trips</h2>
 *
 * <ul>
 *   <li><b>Decoded, then encoded: byte-exact.</b> A decoded PUSH_DATA, PULL_RESP or TX_ACK keeps
 *       its body as received ({@link org.hexproof.gateway.semtech.RawBody}: whitespace, number
 *       spellings such as {@code 100.0}, field order, unknown fields, a trailing NUL) and {@code
 *       encode()} writes it back, so {@code encode(decode(bytes)) == bytes} for every datagram that
 *       decodes, including the protocol's own tab-indented examples.
 *   <li><b>Built, then encoded, then decoded: equal records.</b> A packet built in code has no raw
 *       body and is encoded canonically (compact JSON, lora_pkt_fwd's field order, decimals plain,
 *       base64 standard and padded), and {@code decode(encode(x)).equals(x)}. Packet equality
 *       ignores the raw body, so a decoded packet also equals its canonical re-encoding decoded
 *       again. Decimals ({@code freq}) are compared as values: {@code 869.10} equals {@code 869.1}.
 * </ul>
 *
 * <h2>Base64 and {@code size}</h2>
 *
 * {@code data} is read leniently and written strictly ({@link
 * org.hexproof.gateway.semtech.PhyPayload}): missing padding is accepted and {@code -}/{@code _}
 * read as {@code +}/{@code /}, because the protocol's own examples need it; anything else that is
 * not base64 is {@code BAD_BASE64}. A {@code size} that disagrees with the decoded payload does not
 * reject the packet (the reference servers don't check it either): {@code sizeMatchesData()}
 * reports it, and byte counts must come from {@code data().length()}.
 */
package org.hexproof.gateway.semtech;
