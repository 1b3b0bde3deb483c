package io.antechamber.api.checkin;

import io.antechamber.api.access.ActsOn;
import io.antechamber.api.access.PathResource;
import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.room.RoomResolver;
import io.antechamber.api.web.Data;
import io.antechamber.api.web.ListData;
import io.antechamber.api.web.RequestLimits;
import io.antechamber.api.web.Validation;
import io.antechamber.events.checkin.Attachment;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.checkin.ClaimTask;
import io.antechamber.events.checkin.JoinTask;
import io.antechamber.events.checkin.PostTask;
import io.antechamber.events.checkin.ReleaseTask;
import io.antechamber.events.checkin.RequestHelp;
import io.antechamber.events.checkin.SubmitResult;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.PolicyLimits;
import io.antechamber.events.policy.Urgency;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Human→agent tasks: a human posts one to a room, an agent of the room claims it, asks for help, is joined by
 * helpers, and submits a result for the human to decide on (approve/reject/modify are {@link CheckInController}'s).
 * Every move answers the task as it is afterwards.
 */
@RestController
public class TaskController {

    private final CommandGateway commands;
    private final RoomResolver rooms;
    private final CheckInReader reader;
    private final MetadataLimit metadataLimit;

    public TaskController(CommandGateway commands, RoomResolver rooms, CheckInReader reader,
            MetadataLimit metadataLimit) {
        this.commands = commands;
        this.rooms = rooms;
        this.reader = reader;
        this.metadataLimit = metadataLimit;
    }

    @PostMapping("/v1/rooms/{room}/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    @Auth(AuthMode.HUMAN)
    @ActsOn(value = PathResource.ROOM, asMember = true)
    public Data<CheckInJson> post(Caller caller, @PathVariable String room, @RequestBody PostTaskRequest request) {
        Validation validation = new Validation();
        validation.text("action", request.action(), true, 1, RequestLimits.ACTION_CHARS);
        validation.text("reason", request.reason(), false, 0, RequestLimits.REASON_CHARS);
        Urgency urgency = validation.oneOf("urgency", request.urgency(), Urgency.class, Urgency.NORMAL);
        validation.range("timeout_ms", request.timeoutMs(), PolicyLimits.MIN_TIMEOUT_MS, PolicyLimits.MAX_TIMEOUT_MS);
        validation.orThrow();
        metadataLimit.check("metadata", request.metadata());
        RoomId target = rooms.resolve(caller, room).id();
        return answer(new PostTask(CheckInId.generate(), target, caller.orgId(), caller.actor(), request.action(),
                request.reason(), urgency, request.metadata(), request.timeoutMs()));
    }

    @PostMapping("/v1/check-ins/{id}/claim")
    @Auth(AuthMode.AGENT)
    public Data<CheckInJson> claim(Caller caller, @PathVariable String id) {
        return answer(new ClaimTask(CheckInController.checkInId(id), caller.orgId(), caller.actor()));
    }

    @PostMapping("/v1/check-ins/{id}/release")
    @Auth(AuthMode.AGENT)
    public Data<CheckInJson> release(Caller caller, @PathVariable String id) {
        return answer(new ReleaseTask(CheckInController.checkInId(id), caller.orgId(), caller.actor()));
    }

    @PostMapping("/v1/check-ins/{id}/help")
    @Auth(AuthMode.AGENT)
    @ActsOn(value = PathResource.CHECK_IN, asMember = true)
    public Data<CheckInJson> help(Caller caller, @PathVariable String id,
            @RequestBody(required = false) HelpRequest body) {
        HelpRequest request = body == null ? HelpRequest.EMPTY : body;
        Validation validation = new Validation();
        validation.text("description", request.description(), false, 0, RequestLimits.REASON_CHARS);
        validation.orThrow();
        return answer(new RequestHelp(CheckInController.checkInId(id), caller.orgId(), caller.actor(),
                request.description()));
    }

    @PostMapping("/v1/check-ins/{id}/join")
    @Auth(AuthMode.AGENT)
    public Data<CheckInJson> join(Caller caller, @PathVariable String id) {
        return answer(new JoinTask(CheckInController.checkInId(id), caller.orgId(), caller.actor()));
    }

    @PostMapping("/v1/check-ins/{id}/submit")
    @Auth(AuthMode.AGENT)
    @ActsOn(value = PathResource.CHECK_IN, asMember = true)
    public Data<CheckInJson> submit(Caller caller, @PathVariable String id, @RequestBody SubmitRequest request) {
        Validation validation = new Validation();
        validation.text("content", request.content(), true, 1, RequestLimits.CONTENT_CHARS);
        List<Attachment> attachments = Attachments.validated(validation, request.attachments());
        validation.orThrow();
        metadataLimit.check("metadata", request.metadata());
        return answer(new SubmitResult(CheckInController.checkInId(id), caller.orgId(), caller.actor(),
                request.content(), request.metadata(), attachments));
    }

    @GetMapping("/v1/check-ins/{id}/participants")
    @Auth(AuthMode.ANY)
    public ListData<ParticipantJson> participants(Caller caller, @PathVariable String id) {
        return ListData.all(reader.find(caller, id).participants().stream().map(ParticipantJson::of).toList());
    }

    private Data<CheckInJson> answer(Object command) {
        CheckInState state = commands.sendAndWait(command);
        return Data.of(CheckInJson.of(state));
    }
}
