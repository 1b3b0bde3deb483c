package io.antechamber.query.thread;

import io.antechamber.events.checkin.Attachment;
import io.antechamber.events.checkin.CheckInApproved;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.CheckInExpired;
import io.antechamber.events.checkin.CheckInModified;
import io.antechamber.events.checkin.CheckInRejected;
import io.antechamber.events.checkin.CheckInStatus;
import io.antechamber.events.checkin.CheckInWithdrawn;
import io.antechamber.events.checkin.HelpRequested;
import io.antechamber.events.checkin.HelperJoined;
import io.antechamber.events.checkin.MessagePosted;
import io.antechamber.events.checkin.MessageType;
import io.antechamber.events.checkin.ResultSubmitted;
import io.antechamber.events.checkin.TaskApproved;
import io.antechamber.events.checkin.TaskClaimed;
import io.antechamber.events.checkin.TaskModified;
import io.antechamber.events.checkin.TaskRejected;
import io.antechamber.events.checkin.TaskReleased;
import io.antechamber.events.checkin.ThreadMessage;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.MessageId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The messages one event adds to its check-in's thread: a posted message as posted; for the system, a
 * {@code status_change} for every change of status after creation and for the two changes of who works on a task
 * (help requested, a helper joined), a {@code result} for a submitted result and a {@code decision} for a human's
 * approve, reject or modify, each before the status change it causes. Creation adds none: the check-in itself says
 * how it was created, and the thread view then never reads CheckInCreated, the largest event. Every status machine
 * move has one known "from" status, so no state is needed. System messages get ids derived from the event's place in
 * its stream, so a rebuild writes the same ids and a redelivered event the same rows.
 */
public final class ThreadMessages {

    /** No event adds more messages than this. */
    private static final int MAX_PER_EVENT = 4;

    private ThreadMessages() {
    }

    public static List<ThreadMessage> of(CheckInEvent event, long sequenceNumber) {
        Messages out = new Messages(event, sequenceNumber);
        if (event instanceof MessagePosted e) {
            out.list.add(new ThreadMessage(e.messageId(), e.checkInId(), e.type(), e.by(), e.content(), e.metadata(),
                    e.attachments(), e.at()));
        } else if (event instanceof CheckInApproved e) {
            out.decision(e.by(), e.reason(), null, e.at());
            out.statusChange(e.by(), CheckInStatus.PENDING, CheckInStatus.APPROVED, e.at());
        } else if (event instanceof CheckInRejected e) {
            out.decision(e.by(), e.reason(), null, e.at());
            out.statusChange(e.by(), CheckInStatus.PENDING, CheckInStatus.REJECTED, e.at());
        } else if (event instanceof CheckInModified e) {
            out.decision(e.by(), e.reason(), e.modifications(), e.at());
            out.statusChange(e.by(), CheckInStatus.PENDING, CheckInStatus.MODIFIED, e.at());
        } else if (event instanceof CheckInExpired e) {
            out.statusChange(e.by(), CheckInStatus.PENDING, CheckInStatus.EXPIRED, e.at());
        } else if (event instanceof CheckInWithdrawn e) {
            out.statusChange(e.by(), CheckInStatus.PENDING, CheckInStatus.WITHDRAWN, e.at());
        } else if (event instanceof TaskClaimed e) {
            out.statusChange(e.by(), CheckInStatus.OPEN, CheckInStatus.CLAIMED, e.at());
        } else if (event instanceof TaskReleased e) {
            out.statusChange(e.by(), CheckInStatus.CLAIMED, CheckInStatus.OPEN, e.at());
        } else if (event instanceof HelpRequested e) {
            out.participation(e.by(), "help_requested", e.description() != null ? e.description() : "help requested",
                    e.at());
        } else if (event instanceof HelperJoined e) {
            out.participation(e.by(), "helper_joined", "joined as a helper", e.at());
        } else if (event instanceof ResultSubmitted e) {
            out.add(MessageType.RESULT, e.by(), e.content(), e.metadata(), e.attachments(), e.at());
            out.statusChange(e.by(), CheckInStatus.CLAIMED, CheckInStatus.SUBMITTED, e.at());
        } else if (event instanceof TaskApproved e) {
            out.decision(e.by(), e.reason(), null, e.at());
            out.statusChange(e.by(), CheckInStatus.SUBMITTED, CheckInStatus.APPROVED, e.at());
        } else if (event instanceof TaskRejected e) {
            out.decision(e.by(), e.reason(), null, e.at());
            out.statusChange(e.by(), CheckInStatus.SUBMITTED, CheckInStatus.REJECTED, e.at());
        } else if (event instanceof TaskModified e) {
            out.decision(e.by(), e.reason(), e.modifications(), e.at());
            out.statusChange(e.by(), CheckInStatus.SUBMITTED, CheckInStatus.CLAIMED, e.at());
        }
        return List.copyOf(out.list);
    }

    /** The messages of one event, numbered in order for their ids. */
    private static final class Messages {

        private final CheckInEvent event;
        private final long sequenceNumber;
        private final List<ThreadMessage> list = new ArrayList<>();

        Messages(CheckInEvent event, long sequenceNumber) {
            this.event = event;
            this.sequenceNumber = sequenceNumber;
        }

        void statusChange(Actor by, CheckInStatus from, CheckInStatus to, Instant at) {
            add(MessageType.STATUS_CHANGE, by, "status changed from " + from.wire() + " to " + to.wire(),
                    Map.of("from", from.wire(), "to", to.wire()), List.of(), at);
        }

        void participation(Actor by, String change, String content, Instant at) {
            add(MessageType.STATUS_CHANGE, by, content, Map.of("change", change), List.of(), at);
        }

        /** As API.md has it: the reason and the modifications; the outcome is the status change that follows. */
        void decision(Actor by, String reason, Map<String, Object> modifications, Instant at) {
            add(MessageType.DECISION, by, reason, modifications == null ? Map.of() : modifications, List.of(), at);
        }

        void add(MessageType type, Actor by, String content, Map<String, Object> metadata,
                List<Attachment> attachments, Instant at) {
            list.add(new ThreadMessage(id(list.size()), event.checkInId(), type, by, content, metadata, attachments,
                    at));
        }

        /**
         * {@code msg_}, the message's place in the check-in's stream (event sequence number × 4 + its place within
         * the event) as 8 base-36 digits, then the check-in id's suffix: unique, the same in every rebuild, and in
         * the order of the messages for one check-in. Check-in ids are generated with 16-character suffixes.
         */
        private MessageId id(int slot) {
            String place = Long.toString(sequenceNumber * MAX_PER_EVENT + slot, Character.MAX_RADIX);
            return new MessageId(MessageId.PREFIX + "0".repeat(8 - place.length()) + place
                    + event.checkInId().value().substring(CheckInId.PREFIX.length()));
        }
    }
}
