package io.antechamber.api.checkin;

import io.antechamber.api.access.ActsOn;
import io.antechamber.api.access.PathResource;
import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.web.Data;
import io.antechamber.api.web.ListData;
import io.antechamber.api.web.PagedQueries;
import io.antechamber.api.web.Pages;
import io.antechamber.api.web.RequestLimits;
import io.antechamber.api.web.Validation;
import io.antechamber.events.checkin.Attachment;
import io.antechamber.events.checkin.MessagePosted;
import io.antechamber.events.checkin.MessageType;
import io.antechamber.events.checkin.PostMessage;
import io.antechamber.events.checkin.ThreadMessage;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.MessageId;
import io.antechamber.events.common.WireEnums;
import io.antechamber.events.query.FindThreadMessages;
import io.antechamber.query.support.Page;
import java.util.Arrays;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The thread of a check-in or task: participants and the room's humans post, anyone of the org reads. */
@RestController
public class MessageController {

    private static final List<String> CLIENT_TYPES = Arrays.stream(MessageType.values())
            .filter(MessageType::isPostedByClients).map(MessageType::wire).toList();

    private final CommandGateway commands;
    private final PagedQueries pagedQueries;
    private final CheckInReader reader;
    private final MetadataLimit metadataLimit;

    public MessageController(CommandGateway commands, PagedQueries pagedQueries, CheckInReader reader,
            MetadataLimit metadataLimit) {
        this.commands = commands;
        this.pagedQueries = pagedQueries;
        this.reader = reader;
        this.metadataLimit = metadataLimit;
    }

    @PostMapping("/v1/check-ins/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Auth(AuthMode.ANY)
    @ActsOn(value = PathResource.CHECK_IN, asMember = true)
    public Data<MessageJson> post(Caller caller, @PathVariable String id, @RequestBody PostMessageRequest request) {
        Validation validation = new Validation();
        MessageType type = WireEnums.parse(MessageType.class, request.type()).orElse(null);
        validation.check(request.type() != null, "type", "is required");
        validation.check(type != null && type.isPostedByClients(), "type", type == null
                ? "must be one of " + CLIENT_TYPES : "is written by the system; clients post one of " + CLIENT_TYPES);
        validation.text("content", request.content(), true, 1, RequestLimits.CONTENT_CHARS);
        List<Attachment> attachments = Attachments.validated(validation, request.attachments());
        validation.orThrow();
        metadataLimit.check("metadata", request.metadata());
        CheckInId checkIn = CheckInController.checkInId(id);
        MessagePosted posted = commands.sendAndWait(new PostMessage(checkIn, caller.orgId(), caller.actor(),
                MessageId.generate(), type, request.content(), request.metadata(), attachments));
        return Data.of(MessageJson.of(posted));
    }

    @GetMapping("/v1/check-ins/{id}/messages")
    @Auth(AuthMode.ANY)
    @ActsOn(PathResource.CHECK_IN)
    public ListData<MessageJson> list(Caller caller, @PathVariable String id,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        CheckInId checkIn = reader.find(caller, id).id();
        Page<ThreadMessage> page = pagedQueries.page(new FindThreadMessages(caller.orgId(), checkIn,
                Pages.of(limit, cursor)));
        return ListData.of(page, MessageJson::of);
    }
}
