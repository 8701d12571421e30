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
package org.openhab.binding.kas.internal.test;

import static org.mockito.Mockito.*;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentContext;

/**
 * Activates and deactivates Declarative Services components in tests the way the OSGi runtime does: the component's
 * {@code activate(ComponentContext)} / {@code deactivate(ComponentContext)} method (its own or inherited, whatever its
 * visibility) is called reflectively with a component context whose bundle context is a Mockito mock. The mock
 * answers like a framework without other services: no service references, registrations return {@code null}.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class OsgiComponents {

    private OsgiComponents() {
    }

    /**
     * @return a component context whose bundle context is a mock
     */
    public static ComponentContext componentContext() {
        ComponentContext context = mock(ComponentContext.class);
        BundleContext bundleContext = mock(BundleContext.class);
        when(context.getBundleContext()).thenReturn(bundleContext);
        return context;
    }

    /**
     * Calls the component's {@code activate(ComponentContext)}.
     *
     * @param component the component
     * @param context its context
     */
    public static void activate(Object component, ComponentContext context) {
        invoke(component, "activate", context);
    }

    /**
     * Calls the component's {@code deactivate(ComponentContext)}.
     *
     * @param component the component
     * @param context its context, the one it was activated with
     */
    public static void deactivate(Object component, ComponentContext context) {
        invoke(component, "deactivate", context);
    }

    private static void invoke(Object component, String name, ComponentContext context) {
        for (Class<?> type = component.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Method method = type.getDeclaredMethod(name, ComponentContext.class);
                method.setAccessible(true);
                method.invoke(component, context);
                return;
            } catch (NoSuchMethodException e) {
                // look in the superclass, as the runtime does
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(name + " of " + component.getClass().getName() + " is not callable", e);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(name + " of " + component.getClass().getName() + " failed", cause);
            }
        }
        throw new IllegalArgumentException(component.getClass().getName() + " has no " + name + "(ComponentContext)");
    }
}
