package io.antechamber.api.checkin;

import io.antechamber.api.access.ActsOn;
import io.antechamber.api.access.PathResource;
import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.room.RoomResolver;
import io.antechamber.api.web.CredentialSlots;
import io.antechamber.api.web.Data;
import io.antechamber.api.web.ListData;
import io.antechamber.api.web.PagedQueries;
import io.antechamber.api.web.Pages;
import io.antechamber.api.web.RequestLimits;
import io.antechamber.api.web.Validation;
import io.antechamber.events.checkin.ApproveCheckIn;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.checkin.CheckInStatus;
import io.antechamber.events.checkin.CreateCheckIn;
import io.antechamber.events.checkin.Direction;
import io.antechamber.events.checkin.ModifyCheckIn;
import io.antechamber.events.checkin.RejectCheckIn;
import io.antechamber.events.checkin.WithdrawCheckIn;
import io.antechamber.events.common.CheckInId;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.ApiError;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.PolicyLimits;
import io.antechamber.events.policy.RiskLevel;
import io.antechamber.events.policy.TimeoutAction;
import io.antechamber.events.policy.Urgency;
import io.antechamber.events.query.FindCheckIns;
import io.antechamber.query.support.Page;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/** The agent→human check-in lifecycle: create, read, wait, decide, withdraw, and the room's queue. */
@RestController
public class CheckInController {

    private final CommandGateway commands;
    private final PagedQueries pagedQueries;
    private final RoomResolver rooms;
    private final CheckInReader reader;
    private final CheckInChangeListener changes;
    private final MetadataLimit metadataLimit;
    private final WaitSlots waitSlots;

    public CheckInController(CommandGateway commands, PagedQueries pagedQueries, RoomResolver rooms, CheckInReader reader,
            CheckInChangeListener changes, MetadataLimit metadataLimit, WaitSlots waitSlots) {
        this.commands = commands;
        this.pagedQueries = pagedQueries;
        this.rooms = rooms;
        this.reader = reader;
        this.changes = changes;
        this.metadataLimit = metadataLimit;
        this.waitSlots = waitSlots;
    }

    @PostMapping("/v1/rooms/{room}/check-in")
    @ResponseStatus(HttpStatus.CREATED)
    @Auth(AuthMode.AGENT)
    @ActsOn(value = PathResource.ROOM, asMember = true)
    public Data<CheckInJson> create(Caller caller, @PathVariable String room,
            @RequestBody CreateCheckInRequest request) {
        CreateCheckIn command = validated(caller, rooms.idOf(caller, room), request);
        CheckInState created = commands.sendAndWait(command);
        if (created.status() == CheckInStatus.REJECTED) {
            Map<String, Object> details = new HashMap<>();
            details.put("check_in_id", created.id().value());
            details.put("rule_id", created.policy().ruleId());
            throw new ApiException(ApiError.POLICY_FORBIDS, "the room's policy forbids this check-in", details);
        }
        return Data.of(CheckInJson.of(created));
    }

    @GetMapping("/v1/check-ins/{id}")
    @Auth(AuthMode.ANY)
    public Data<CheckInJson> get(Caller caller, @PathVariable String id) {
        return Data.of(CheckInJson.of(reader.find(caller, id)));
    }

    @GetMapping("/v1/check-ins/{id}/status")
    @Auth(AuthMode.ANY)
    public Data<CheckInStatusJson> status(Caller caller, @PathVariable String id) {
        return Data.of(CheckInStatusJson.of(reader.find(caller, id)));
    }

    /**
     * Long-poll: answers as soon as the check-in no longer awaits action, or after {@code timeout_ms} (default
     * 30 s, at most 60 s) with its current state. No thread is held while waiting; a wait that holds takes one of the
     * credential's {@link WaitSlots}, given back however the wait ends (answer, timeout, client gone, error).
     */
    @GetMapping("/v1/check-ins/{id}/wait")
    @Auth(AuthMode.ANY)
    @ActsOn(PathResource.CHECK_IN)
    public DeferredResult<Data<CheckInJson>> await(Caller caller, @PathVariable String id,
            @RequestParam(name = "timeout_ms", required = false) Long timeoutMs) {
        Validation validation = new Validation();
        validation.range("timeout_ms", timeoutMs, 0, RequestLimits.MAX_WAIT_MS);
        validation.orThrow();
        long wait = timeoutMs == null ? RequestLimits.DEFAULT_WAIT_MS : timeoutMs;
        CheckInState current = reader.find(caller, id);
        DeferredResult<Data<CheckInJson>> result = new DeferredResult<>(Math.max(wait, 1));
        if (!current.status().isAwaitingAction() || wait == 0) {
            result.setResult(Data.of(CheckInJson.of(current)));
            return result;
        }
        CredentialSlots.Slot slot = waitSlots.take(caller.credential());
        AutoCloseable subscription = null;
        try {
            Runnable check = () -> {
                CheckInState now = reader.find(caller, id);
                if (!now.status().isAwaitingAction()) {
                    result.setResult(Data.of(CheckInJson.of(now)));
                }
            };
            subscription = changes.subscribe(current.id().value(), check);
            AutoCloseable subscribed = subscription;
            result.onCompletion(() -> {
                close(subscribed);
                slot.release();
            });
            result.onError(error -> slot.release());
            result.onTimeout(() -> result.setResult(Data.of(CheckInJson.of(reader.find(caller, id)))));
            check.run();
            return result;
        } catch (RuntimeException e) {
            // the wait never started, so no completion callback will give these back
            if (subscription != null) {
                close(subscription);
            }
            slot.release();
            throw e;
        }
    }

    @PostMapping("/v1/check-ins/{id}/approve")
    @Auth(AuthMode.HUMAN)
    @ActsOn(value = PathResource.CHECK_IN, asMember = true)
    public Data<CheckInJson> approve(Caller caller, @PathVariable String id,
            @RequestBody(required = false) ReasonRequest body) {
        ReasonRequest request = reasonOnly(body);
        return Data.of(CheckInJson.of(commands.sendAndWait(
                new ApproveCheckIn(checkInId(id), caller.orgId(), caller.actor(), request.reason()))));
    }

    @PostMapping("/v1/check-ins/{id}/reject")
    @Auth(AuthMode.HUMAN)
    @ActsOn(value = PathResource.CHECK_IN, asMember = true)
    public Data<CheckInJson> reject(Caller caller, @PathVariable String id,
            @RequestBody(required = false) ReasonRequest body) {
        ReasonRequest request = reasonOnly(body);
        return Data.of(CheckInJson.of(commands.sendAndWait(
                new RejectCheckIn(checkInId(id), caller.orgId(), caller.actor(), request.reason()))));
    }

    @PostMapping("/v1/check-ins/{id}/modify")
    @Auth(AuthMode.HUMAN)
    @ActsOn(value = PathResource.CHECK_IN, asMember = true)
    public Data<CheckInJson> modify(Caller caller, @PathVariable String id, @RequestBody DecisionRequest request) {
        Validation validation = new Validation();
        validation.check(request.modifications() != null, "modifications", "is required");
        validation.text("reason", request.reason(), false, 0, RequestLimits.REASON_CHARS);
        metadataLimit.check("modifications", request.modifications());
        validation.orThrow();
        return Data.of(CheckInJson.of(commands.sendAndWait(new ModifyCheckIn(checkInId(id), caller.orgId(),
                caller.actor(), request.modifications(), request.reason()))));
    }

    @DeleteMapping("/v1/check-ins/{id}")
    @Auth(AuthMode.AGENT)
    public Data<CheckInJson> withdraw(Caller caller, @PathVariable String id) {
        return Data.of(CheckInJson.of(commands.sendAndWait(
                new WithdrawCheckIn(checkInId(id), caller.orgId(), caller.actor()))));
    }

    @GetMapping("/v1/rooms/{room}/check-ins")
    @Auth(AuthMode.ANY)
    @ActsOn(PathResource.ROOM)
    public ListData<CheckInJson> queue(Caller caller, @PathVariable String room,
            @RequestParam(required = false) String status, @RequestParam(required = false) String direction,
            @RequestParam(name = "risk_level", required = false) String riskLevel,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        Validation validation = new Validation();
        CheckInStatus statusFilter = validation.oneOf("status", status, CheckInStatus.class, null);
        Direction directionFilter = validation.oneOf("direction", direction, Direction.class, null);
        RiskLevel riskFilter = validation.oneOf("risk_level", riskLevel, RiskLevel.class, null);
        validation.orThrow();
        RoomId target = rooms.resolve(caller, room).id();
        Page<CheckInState> page = pagedQueries.page(new FindCheckIns(caller.orgId(), target, statusFilter,
                directionFilter, riskFilter, Pages.of(limit, cursor)));
        return ListData.of(page, CheckInJson::of);
    }

    private CreateCheckIn validated(Caller caller, RoomId room, CreateCheckInRequest request) {
        Validation validation = new Validation();
        validation.text("action", request.action(), true, 1, RequestLimits.ACTION_CHARS);
        validation.check(request.reason() == null || request.description() == null, "description",
                "give reason or its alias description, not both");
        String reason = validation.text("reason", request.reason() != null ? request.reason() : request.description(),
                false, 0, RequestLimits.REASON_CHARS);
        RiskLevel risk = validation.oneOf("risk_level", request.riskLevel(), RiskLevel.class, RiskLevel.MEDIUM);
        Urgency urgency = validation.oneOf("urgency", request.urgency(), Urgency.class, Urgency.NORMAL);
        validation.check(request.metadata() == null || request.context() == null, "context",
                "give metadata or its alias context, not both");
        Map<String, Object> metadata = request.metadata() != null ? request.metadata() : request.context();
        validation.check(request.timeoutMs() == null || request.timeoutMinutes() == null, "timeout_minutes",
                "give timeout_ms or its alias timeout_minutes, not both");
        validation.range("timeout_ms", request.timeoutMs(), PolicyLimits.MIN_TIMEOUT_MS, PolicyLimits.MAX_TIMEOUT_MS);
        validation.range("timeout_minutes", request.timeoutMinutes(), 1, RequestLimits.MAX_TIMEOUT_MINUTES);
        TimeoutAction timeoutAction = validation.oneOf("timeout_action", request.timeoutAction(),
                TimeoutAction.class, null);
        validation.orThrow();
        metadataLimit.check("metadata", metadata);
        Long timeoutMs = request.timeoutMs() != null ? request.timeoutMs()
                : request.timeoutMinutes() != null ? request.timeoutMinutes() * 60_000L : null;
        return new CreateCheckIn(CheckInId.generate(), room, caller.orgId(), caller.agentId(),
                request.action(), reason, risk, urgency, metadata, timeoutMs, timeoutAction);
    }

    private static ReasonRequest reasonOnly(ReasonRequest body) {
        ReasonRequest request = body == null ? ReasonRequest.EMPTY : body;
        Validation validation = new Validation();
        validation.text("reason", request.reason(), false, 0, RequestLimits.REASON_CHARS);
        validation.orThrow();
        return request;
    }

    static CheckInId checkInId(String id) {
        if (!CheckInId.isValid(id)) {
            throw ApiException.notFound("check-in");
        }
        return new CheckInId(id);
    }

    private static void close(AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
