package io.antechamber.api.dashboard.tasks;

import io.antechamber.api.auth.Caller;
import io.antechamber.api.checkin.CheckInController;
import io.antechamber.api.checkin.CheckInJson;
import io.antechamber.api.checkin.ParticipantJson;
import io.antechamber.api.dashboard.MemberRooms.MemberRoom;
import io.antechamber.api.web.ListData;
import io.antechamber.api.web.Pages;
import io.antechamber.events.checkin.CheckInStatus;
import io.antechamber.events.checkin.Direction;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The task board: the open, claimed and submitted tasks of the person's rooms, read through the API's room queue
 * ({@code GET /v1/rooms/:room/check-ins?direction=human_to_agent&status=...}), one page per room and column.
 */
@Component
public class TaskBoard {

    /** The board's columns, in the order work moves through them. */
    public static final List<CheckInStatus> COLUMNS = List.of(CheckInStatus.OPEN, CheckInStatus.CLAIMED,
            CheckInStatus.SUBMITTED);

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final CheckInController checkIns;

    public TaskBoard(CheckInController checkIns) {
        this.checkIns = checkIns;
    }

    /** One task as a card: what it asks, where, how urgent, and who works on it. */
    public record Card(String id, String action, String roomId, String roomName, String status, String urgency,
            String primary, Instant updatedAt, String updated) {
    }

    /** A column of cards; {@code truncated} when a room had more than one page of them. */
    public record Column(String status, String title, List<Card> cards, boolean truncated) {
    }

    public record Board(List<Column> columns) {

        public int size() {
            return columns.stream().mapToInt(c -> c.cards().size()).sum();
        }
    }

    public Board of(Caller caller, List<MemberRoom> rooms) {
        List<Column> columns = new ArrayList<>();
        for (CheckInStatus status : COLUMNS) {
            List<Card> cards = new ArrayList<>();
            boolean truncated = false;
            for (MemberRoom room : rooms) {
                ListData<CheckInJson> page = checkIns.queue(caller, room.id(), status.wire(),
                        Direction.HUMAN_TO_AGENT.wire(), null, Pages.MAX_LIMIT, null);
                page.data().forEach(task -> cards.add(card(task, room)));
                truncated |= page.hasMore();
            }
            cards.sort(Comparator.comparing(Card::updatedAt).reversed().thenComparing(Card::id));
            columns.add(new Column(status.wire(), title(status), List.copyOf(cards), truncated));
        }
        return new Board(List.copyOf(columns));
    }

    static String title(CheckInStatus status) {
        return switch (status) {
            case OPEN -> "Open";
            case CLAIMED -> "Claimed";
            case SUBMITTED -> "Submitted";
            default -> status.wire();
        };
    }

    private static Card card(CheckInJson task, MemberRoom room) {
        String primary = task.participants().stream().filter(p -> "primary".equals(p.role()))
                .map(ParticipantJson::id).findFirst().orElse(null);
        return new Card(task.id(), task.action(), room.id(), room.name(), task.status(), task.urgency(), primary,
                task.updatedAt(), TIME.format(task.updatedAt()));
    }
}
