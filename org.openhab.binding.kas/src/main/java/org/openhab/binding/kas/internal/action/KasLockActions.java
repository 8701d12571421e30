/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.kas.internal.action;

import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.handler.KasLockHandler;
import org.openhab.core.automation.annotation.ActionInput;
import org.openhab.core.automation.annotation.ActionOutput;
import org.openhab.core.automation.annotation.RuleAction;
import org.openhab.core.thing.binding.ThingActions;
import org.openhab.core.thing.binding.ThingActionsScope;
import org.openhab.core.thing.binding.ThingHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Thing actions of a {@code kas:lock}: {@code unlock()} and {@code generatePinCode(mode, duration, startTime)}, for
 * rules. Both return a map with {@code success}, {@code result} (an outcome name as on the {@code last-result} channel)
 * and {@code message}; {@code generatePinCode} adds {@code code}.
 *
 * @author KAS binding contributors - Initial contribution
 */
@Component(scope = ServiceScope.PROTOTYPE, service = KasLockActions.class)
@ThingActionsScope(name = "kas")
@NonNullByDefault
public class KasLockActions implements ThingActions {

    public static final String OUTPUT_SUCCESS = "success";
    public static final String OUTPUT_RESULT = "result";
    public static final String OUTPUT_MESSAGE = "message";
    public static final String OUTPUT_CODE = "code";

    private @Nullable KasLockHandler handler;

    @Override
    public void setThingHandler(ThingHandler handler) {
        if (handler instanceof KasLockHandler lockHandler) {
            this.handler = lockHandler;
        }
    }

    @Override
    public @Nullable ThingHandler getThingHandler() {
        return handler;
    }

    /**
     * Asks KAS to unlock the door and waits for KAS's answer (not for the door: KAS only confirms that it queued the
     * unlock).
     *
     * @return {@code success}, {@code result}, {@code message}
     */
    @RuleAction(label = "@text/action.unlock.label", description = "@text/action.unlock.description")
    @ActionOutput(name = OUTPUT_SUCCESS, type = "java.lang.Boolean", label = "@text/action.output.success.label")
    @ActionOutput(name = OUTPUT_RESULT, type = "java.lang.String", label = "@text/action.output.result.label")
    @ActionOutput(name = OUTPUT_MESSAGE, type = "java.lang.String", label = "@text/action.output.message.label")
    public Map<String, Object> unlock() {
        KasLockHandler lock = handler;
        if (lock == null) {
            return toMap(noHandler("Unlock"), false);
        }
        return toMap(lock.awaitOutcome(lock.unlock("rule action unlock")), false);
    }

    /**
     * Asks KAS for an 8-digit PIN code.
     *
     * @param mode the KAS code mode, 0 or 1
     * @param duration the KAS duration, 0 to 61
     * @param startTime when the code starts to work; {@code null} means now
     * @return {@code success}, {@code result}, {@code message}, {@code code} (empty on failure)
     */
    @RuleAction(label = "@text/action.generate-pin-code.label", description = "@text/action.generate-pin-code.description")
    @ActionOutput(name = OUTPUT_SUCCESS, type = "java.lang.Boolean", label = "@text/action.output.success.label")
    @ActionOutput(name = OUTPUT_RESULT, type = "java.lang.String", label = "@text/action.output.result.label")
    @ActionOutput(name = OUTPUT_MESSAGE, type = "java.lang.String", label = "@text/action.output.message.label")
    @ActionOutput(name = OUTPUT_CODE, type = "java.lang.String", label = "@text/action.output.code.label")
    public Map<String, Object> generatePinCode(
            @ActionInput(name = "mode", label = "@text/action.input.mode.label", description = "@text/action.input.mode.description", required = true) @Nullable Integer mode,
            @ActionInput(name = "duration", label = "@text/action.input.duration.label", description = "@text/action.input.duration.description", required = true) @Nullable Integer duration,
            @ActionInput(name = "startTime", label = "@text/action.input.start-time.label", description = "@text/action.input.start-time.description") @Nullable ZonedDateTime startTime) {
        KasLockHandler lock = handler;
        if (lock == null) {
            return toMap(noHandler("PIN code request"), true);
        }
        return toMap(lock.awaitOutcome(lock.createPinCode(mode, duration, startTime)), true);
    }

    /**
     * For DSL rules: {@code KasLockActions.unlock(actions)}.
     *
     * @param actions the actions of a {@code kas:lock} thing
     * @return as {@link #unlock()}
     */
    public static Map<String, Object> unlock(ThingActions actions) {
        return ((KasLockActions) actions).unlock();
    }

    /**
     * For DSL rules: {@code KasLockActions.generatePinCode(actions, mode, duration, startTime)}.
     *
     * @param actions the actions of a {@code kas:lock} thing
     * @param mode the KAS code mode, 0 or 1
     * @param duration the KAS duration, 0 to 61
     * @param startTime when the code starts to work; {@code null} means now
     * @return as {@link #generatePinCode(Integer, Integer, ZonedDateTime)}
     */
    public static Map<String, Object> generatePinCode(ThingActions actions, @Nullable Integer mode,
            @Nullable Integer duration, @Nullable ZonedDateTime startTime) {
        return ((KasLockActions) actions).generatePinCode(mode, duration, startTime);
    }

    private static KasResult noHandler(String what) {
        return KasResult.of(KasOutcome.INVALID_INPUT, what + " not sent: the lock thing is not initialized");
    }

    private static Map<String, Object> toMap(KasResult result, boolean withCode) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(OUTPUT_SUCCESS, result.isSuccess());
        map.put(OUTPUT_RESULT, result.outcome().name());
        map.put(OUTPUT_MESSAGE, result.message());
        if (withCode) {
            String code = result.code();
            map.put(OUTPUT_CODE, result.isSuccess() && code != null ? code : "");
        }
        return map;
    }
}
