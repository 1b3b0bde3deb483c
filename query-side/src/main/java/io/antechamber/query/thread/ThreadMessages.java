package io.antechamber.query.thread;

import io.antechamber.events.checkin.Attachment;
import io.antechamber.events.checkin.CheckInApproved;
import io.antechamber.events.checkin.CheckInCreated;
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
import io.antechamber.events.checkin.TaskPosted;
import io.antechamber.events.checkin.TaskRejected;
import io.antechamber.events.checkin.TaskReleased;
import io.antechamber.events.checkin.ThreadMessage;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.MessageId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The messages one event adds to its check-in's thread: a posted message as posted; for the system, a
 * {@code status_change} for every change of status (and for the two changes of who works on a task: help requested,
 * a helper joined), a {@code result} for a submitted result and a {@code decision} for a human's approve, reject or
 * modify, each before the status change it causes. Every status machine move has one known "from" status, so no
 * state is needed. System messages get ids derived from the event's place in its stream, so a rebuild writes the
 * same ids and a redelivered event the same rows.
 */
public final class ThreadMessages {

    private ThreadMessages() {
    }

    public static List<ThreadMessage> of(CheckInEvent event, long sequenceNumber) {
        Messages out = new Messages(event, sequenceNumber);
        if (event instanceof MessagePosted e) {
            out.list.add(new ThreadMessage(e.messageId(), e.checkInId(), e.type(), e.by(), e.content(), e.metadata(),
                    e.attachments(), e.at()));
        } else if (event instanceof CheckInCreated e) {
            out.statusChange(e.createdBy(), null, e.status(), e.at());
        } else if (event instanceof TaskPosted e) {
            out.statusChange(e.by(), null, CheckInStatus.OPEN, e.at());
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
            out.statusChange(Actor.SYSTEM, CheckInStatus.PENDING, CheckInStatus.EXPIRED, e.at());
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
            Map<String, Object> metadata = new HashMap<>();
            metadata.put("from", from == null ? null : from.wire());
            metadata.put("to", to.wire());
            String content = from == null ? "created as " + to.wire() : "status changed from " + from.wire() + " to "
                    + to.wire();
            add(MessageType.STATUS_CHANGE, by, content, metadata, List.of(), at);
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

        private MessageId id(int slot) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest((event.checkInId().value() + "/"
                        + sequenceNumber).getBytes(StandardCharsets.UTF_8));
                // the same prefix for the messages of one event, so they sort in the order they were added
                return new MessageId(MessageId.PREFIX + HexFormat.of().formatHex(digest, 0, 12) + slot);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }
    }
}
