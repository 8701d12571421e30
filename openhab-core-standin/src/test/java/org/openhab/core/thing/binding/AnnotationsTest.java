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
package org.openhab.core.thing.binding;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Method;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.core.automation.Visibility;
import org.openhab.core.automation.annotation.ActionInput;
import org.openhab.core.automation.annotation.ActionOutput;
import org.openhab.core.automation.annotation.ActionOutputs;
import org.openhab.core.automation.annotation.RuleAction;

/**
 * Tests that an action class annotated like a binding's can be read at run time as openHAB does.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
class AnnotationsTest {

    @ThingActionsScope(name = "kas")
    static class Actions {
        @RuleAction(label = "@text/action.unlock.label")
        @ActionOutput(name = "success", type = "java.lang.Boolean")
        @ActionOutput(name = "result", type = "java.lang.String")
        public Map<String, Object> unlock(@ActionInput(name = "mode") Integer mode) {
            return Map.of();
        }
    }

    @Test
    void annotationsAreVisibleAtRuntimeWithOpenhabsDefaults() throws NoSuchMethodException {
        assertEquals("kas", Actions.class.getAnnotation(ThingActionsScope.class).name());
        Method unlock = Actions.class.getMethod("unlock", Integer.class);
        RuleAction action = unlock.getAnnotation(RuleAction.class);
        assertEquals("@text/action.unlock.label", action.label());
        assertEquals("", action.description());
        assertEquals(Visibility.VISIBLE, action.visibility());
        assertEquals(0, action.tags().length);
        ActionOutput[] outputs = unlock.getAnnotation(ActionOutputs.class).value();
        assertEquals("success", outputs[0].name());
        assertEquals(2, unlock.getAnnotationsByType(ActionOutput.class).length);
        ActionInput input = (ActionInput) unlock.getParameterAnnotations()[0][0];
        assertEquals("mode", input.name());
        assertFalse(input.required());
        assertEquals(Visibility.EXPERT, Visibility.typeOf(" expert "));
        assertNull(Visibility.typeOf(""));
    }

    @Test
    void outputNameDefaultsToResult() throws NoSuchMethodException {
        assertEquals("result", ActionOutput.class.getMethod("name").getDefaultValue());
    }
}
