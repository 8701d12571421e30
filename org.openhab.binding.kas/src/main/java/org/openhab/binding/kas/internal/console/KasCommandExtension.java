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
package org.openhab.binding.kas.internal.console;

import static org.openhab.binding.kas.internal.KasBindingConstants.*;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.api.LogSafe;
import org.openhab.binding.kas.internal.api.PinCodeRequest;
import org.openhab.binding.kas.internal.handler.KasAccountHandler;
import org.openhab.binding.kas.internal.handler.KasLockHandler;
import org.openhab.core.io.console.Console;
import org.openhab.core.io.console.extensions.AbstractConsoleCommandExtension;
import org.openhab.core.io.console.extensions.ConsoleCommandExtension;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingRegistry;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code openhab> kas} console commands: list the KAS accounts and locks, unlock a lock, create a PIN code.
 * Nothing it prints contains the API key.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
@Component(service = ConsoleCommandExtension.class)
public class KasCommandExtension extends AbstractConsoleCommandExtension {

    static final String SUBCMD_LIST = "list";
    static final String SUBCMD_UNLOCK = "unlock";
    static final String SUBCMD_PIN = "pin";

    private final ThingRegistry thingRegistry;

    @Activate
    public KasCommandExtension(@Reference ThingRegistry thingRegistry) {
        super(BINDING_ID, "Lists KAS smart locks, unlocks them and creates PIN codes.");
        this.thingRegistry = thingRegistry;
    }

    @Override
    public List<String> getUsages() {
        return List.of(buildCommandUsage(SUBCMD_LIST, "lists the KAS accounts and locks with status and last result"),
                buildCommandUsage(SUBCMD_UNLOCK + " <lockThingUID>", "unlocks the door of a kas:lock thing"),
                buildCommandUsage(SUBCMD_PIN + " <lockThingUID> <mode 0|1> <duration 0-61> [<startTime epoch s>]",
                        "creates a PIN code (start time: now if omitted)"));
    }

    @Override
    public void execute(String[] args, Console console) {
        if (args.length == 0) {
            printUsage(console);
            return;
        }
        String subCommand = args[0].toLowerCase(Locale.ROOT);
        switch (subCommand) {
            case SUBCMD_LIST -> {
                if (args.length != 1) {
                    console.println("'kas list' takes no arguments.");
                    printUsage(console);
                } else {
                    list(console);
                }
            }
            case SUBCMD_UNLOCK -> {
                if (args.length != 2) {
                    console.println("'kas unlock' takes exactly one argument: the UID of a kas:lock thing.");
                    printUsage(console);
                    return;
                }
                KasLockHandler lock = findLock(args[1], console);
                if (lock != null) {
                    print(console, "Unlock", lock.awaitOutcome(lock.unlock("console command")));
                }
            }
            case SUBCMD_PIN -> pin(args, console);
            default -> {
                console.println("Unknown sub-command '" + LogSafe.shorten(args[0], 40) + "'.");
                printUsage(console);
            }
        }
    }

    private void list(Console console) {
        List<Thing> accounts = thingRegistry.stream().filter(t -> THING_TYPE_ACCOUNT.equals(t.getThingTypeUID()))
                .sorted(Comparator.comparing(t -> t.getUID().getAsString())).toList();
        List<Thing> locks = thingRegistry.stream().filter(t -> THING_TYPE_LOCK.equals(t.getThingTypeUID()))
                .sorted(Comparator.comparing(t -> t.getUID().getAsString())).toList();
        if (accounts.isEmpty() && locks.isEmpty()) {
            console.println("No KAS things. Add a kas:account bridge and kas:lock things.");
            return;
        }
        for (Thing account : accounts) {
            console.println(account.getUID() + "  " + account.getStatus() + statusDetail(account) + queue(account));
            for (Thing lock : locks) {
                if (account.getUID().equals(lock.getBridgeUID())) {
                    console.println("  " + describeLock(lock));
                }
            }
        }
        for (Thing lock : locks) {
            ThingUID bridgeUID = lock.getBridgeUID();
            if (bridgeUID == null || accounts.stream().noneMatch(a -> a.getUID().equals(bridgeUID))) {
                console.println(describeLock(lock) + "  (no KAS account bridge)");
            }
        }
    }

    private String describeLock(Thing lock) {
        Object factoryNumber = lock.getConfiguration().get(CONFIG_FACTORY_NUMBER);
        String last = "-";
        if (lock.getHandler() instanceof KasLockHandler handler) {
            KasOutcome outcome = handler.lastResult();
            last = outcome == null ? "-" : outcome.name();
        }
        return lock.getUID() + "  " + (factoryNumber == null ? "?" : LogSafe.shorten(factoryNumber.toString(), 40))
                + "  " + lock.getStatus() + statusDetail(lock) + "  last result: " + last;
    }

    private static String statusDetail(Thing thing) {
        String detail = thing.getStatusInfo().getStatusDetail().toString();
        return "NONE".equals(detail) ? "" : " (" + detail + ")";
    }

    private static String queue(Thing account) {
        ThingHandler handler = account.getHandler();
        if (handler instanceof KasAccountHandler accountHandler) {
            String summary = accountHandler.gateSummary();
            return summary.isEmpty() ? "" : "  requests: " + summary;
        }
        return "";
    }

    private void pin(String[] args, Console console) {
        if (args.length < 4 || args.length > 5) {
            console.println("'kas pin' takes 3 or 4 arguments: <lockThingUID> <mode> <duration> [<startTime>].");
            printUsage(console);
            return;
        }
        Integer mode = parseInt(args[2], "mode", "0 or 1", console);
        Integer duration = parseInt(args[3], "duration", "0 to 61", console);
        ZonedDateTime start = null;
        if (args.length == 5) {
            Long epoch = parseLong(args[4], console);
            if (epoch == null) {
                return;
            }
            // the range KAS accepts; it also keeps ZonedDateTime.ofInstant below from throwing
            if (epoch < PinCodeRequest.START_TIME_MIN || epoch > PinCodeRequest.START_TIME_MAX) {
                console.println("startTime is out of range: epoch seconds from " + PinCodeRequest.START_TIME_MIN
                        + " to " + PinCodeRequest.START_TIME_MAX);
                return;
            }
            start = ZonedDateTime.ofInstant(Instant.ofEpochSecond(epoch), ZoneOffset.UTC);
        }
        if (mode == null || duration == null) {
            return;
        }
        KasLockHandler lock = findLock(args[1], console);
        if (lock != null) {
            KasResult result = lock.awaitOutcome(lock.createPinCode(mode, duration, start));
            print(console, "PIN code request", result);
            String code = result.code();
            if (result.isSuccess() && code != null) {
                console.println("PIN code: " + code);
            }
        }
    }

    private @Nullable KasLockHandler findLock(String uid, Console console) {
        ThingUID thingUID;
        try {
            thingUID = new ThingUID(uid);
        } catch (IllegalArgumentException e) {
            console.println("'" + LogSafe.shorten(uid, 80) + "' is not a thing UID (e.g. kas:lock:home:front).");
            return null;
        }
        Thing thing = thingRegistry.get(thingUID);
        if (thing == null) {
            console.println("There is no thing " + thingUID + ".");
            return null;
        }
        if (!THING_TYPE_LOCK.equals(thing.getThingTypeUID())) {
            console.println(thingUID + " is not a KAS lock (kas:lock) thing.");
            return null;
        }
        if (thing.getHandler() instanceof KasLockHandler handler) {
            return handler;
        }
        console.println(thingUID + " has no handler: is it disabled or still starting?");
        return null;
    }

    private static @Nullable Integer parseInt(String text, String name, String range, Console console) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            console.println(name + " must be a whole number (" + range + "), was '" + LogSafe.shorten(text, 40) + "'.");
            return null;
        }
    }

    private static @Nullable Long parseLong(String text, Console console) {
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            console.println(
                    "startTime must be a whole number of epoch seconds, was '" + LogSafe.shorten(text, 40) + "'.");
            return null;
        }
    }

    private static void print(Console console, String what, KasResult result) {
        console.println(what + ": " + result.outcome() + " - " + result.message());
    }
}
