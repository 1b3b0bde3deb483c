package io.antechamber.api.audit;

import io.antechamber.verify.MerkleHash;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads {@code audit_tree_nodes}: the edge of an organization's tree at a size, to go on appending or verifying. */
@Component
class AuditTree {

    private static final String EDGE_NODES = "SELECT n.org_id, n.level, n.idx, n.hash FROM audit_tree_nodes n "
            + "JOIN unnest(?::text[], ?::smallint[], ?::bigint[]) AS wanted (org_id, level, idx) "
            + "ON n.org_id = wanted.org_id AND n.level = wanted.level AND n.idx = wanted.idx";

    private record Key(String orgId, int level, long idx) {
    }

    private final JdbcTemplate jdbc;

    AuditTree(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Each organization's tree edge where its chain ends, in one query. A leaf on the edge (an odd size) is the last
     * entry's hash; the larger subtrees are stored nodes, and a missing one is an error: the appender wrote it in
     * the transaction of the entry that completed it.
     */
    Map<String, MerkleFrontier> edges(Map<String, ChainEnd> ends) {
        List<String> orgs = new ArrayList<>();
        List<Short> levels = new ArrayList<>();
        List<Long> idxs = new ArrayList<>();
        ends.forEach((org, end) -> MerkleFrontier.positions(end.seq()).stream().filter(p -> p.level() > 0)
                .forEach(p -> {
                    orgs.add(org);
                    levels.add((short) p.level());
                    idxs.add(p.idx());
                }));
        Map<Key, byte[]> stored = orgs.isEmpty() ? Map.of() : stored(orgs, levels, idxs);
        Map<String, MerkleFrontier> edges = new HashMap<>();
        ends.forEach((org, end) -> {
            List<MerkleFrontier.Node> nodes = new ArrayList<>();
            for (MerkleFrontier.Position p : MerkleFrontier.positions(end.seq())) {
                byte[] hash = p.level() == 0 ? MerkleHash.leaf(end.hash())
                        : stored.get(new Key(org, p.level(), p.idx()));
                if (hash == null) {
                    throw new IllegalStateException("audit tree of " + org + " lacks node level " + p.level()
                            + " idx " + p.idx() + " at size " + end.seq());
                }
                nodes.add(new MerkleFrontier.Node(p.level(), p.idx(), hash));
            }
            edges.put(org, MerkleFrontier.of(end.seq(), nodes));
        });
        return edges;
    }

    private Map<Key, byte[]> stored(List<String> orgs, List<Short> levels, List<Long> idxs) {
        Map<Key, byte[]> nodes = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(EDGE_NODES);
            statement.setArray(1, connection.createArrayOf("text", orgs.toArray()));
            statement.setArray(2, connection.createArrayOf("int2", levels.toArray()));
            statement.setArray(3, connection.createArrayOf("int8", idxs.toArray()));
            return statement;
        }, (ResultSet rs) -> {
            nodes.put(new Key(rs.getString(1), rs.getInt(2), rs.getLong(3)), rs.getBytes(4));
        });
        return nodes;
    }
}
