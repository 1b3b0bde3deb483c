package io.antechamber.api.dashboard.tasks;

import io.antechamber.api.auth.Caller;
import io.antechamber.api.dashboard.MemberRooms;
import io.antechamber.api.dashboard.MemberRooms.MemberRoom;
import io.antechamber.api.web.ApiException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The rooms the task board and the trust page show: the person's rooms ({@link MemberRooms}, the same set the live
 * stream follows), or the one a room filter names.
 */
@Component
public class PersonRooms {

    private final MemberRooms memberRooms;

    public PersonRooms(MemberRooms memberRooms) {
        this.memberRooms = memberRooms;
    }

    public List<MemberRoom> of(Caller caller) {
        return memberRooms.of(caller);
    }

    /** Whether the person is a member of the room: whether a page about it can follow the room's live events. */
    public boolean isMember(Caller caller, String roomId) {
        return of(caller).stream().anyMatch(r -> r.id().equals(roomId));
    }

    /**
     * The person's rooms, or only the one a filter names (by id or slug); a room that is not one of theirs answers
     * 404, as another org's room does.
     */
    public List<MemberRoom> filtered(Caller caller, String room) {
        List<MemberRoom> mine = of(caller);
        if (room == null || room.isBlank()) {
            return mine;
        }
        return List.of(mine.stream().filter(r -> r.id().equals(room) || r.slug().equals(room)).findFirst()
                .orElseThrow(() -> ApiException.notFound("room")));
    }
}
