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
package org.openhab.core.config.core;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stand-in for openHAB's mapping of configuration maps onto configuration classes and of untyped values onto types.
 * <p>
 * A configuration class gets a new instance from its public no-argument constructor; every non-final, non-transient
 * field (also inherited ones) whose name is a key with a non-null value is set to the value converted to the field's
 * type; fields without a value keep their initial value. A record gets its canonical constructor called with the
 * converted values, missing primitives being 0 or false. Numbers convert to any number type (and BigDecimal), text
 * converts to numbers, Boolean and enums; List and Set fields get their elements converted. A value that cannot be
 * converted leaves the field unchanged.
 * <p>
 * It logs like openHAB's, to the logger of this class: at TRACE every field or component it skips and every value it
 * sets (with the value itself), at WARN what cannot be converted or set.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public final class ConfigParser {

    private static final Logger LOGGER = LoggerFactory.getLogger(ConfigParser.class);

    private ConfigParser() {
    }

    /**
     * Creates an instance of the given configuration class from the given map.
     *
     * @param properties the configuration parameters
     * @param configurationClass the class (with a public no-argument constructor) or record to create
     * @return the instance, or null if it could not be created
     */
    public static <T> @Nullable T configurationAs(Map<String, @Nullable Object> properties,
            Class<T> configurationClass) {
        try {
            return configurationClass.isRecord() ? createRecord(properties, configurationClass)
                    : createBean(properties, configurationClass);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException e) {
            LOGGER.warn("Could not create configuration instance of '{}' with properties keys {}: {}",
                    configurationClass.getName(), properties.keySet(), e.getMessage(), e);
            return null;
        }
    }

    private static <T> T createBean(Map<String, @Nullable Object> properties, Class<T> configurationClass)
            throws NoSuchMethodException, InstantiationException, IllegalAccessException, InvocationTargetException {
        T instance = configurationClass.getConstructor().newInstance();
        for (Class<?> type = configurationClass; type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isFinal(modifiers) || Modifier.isTransient(modifiers)) {
                    continue;
                }
                String name = field.getName();
                Object raw = properties.get(name);
                if (raw == null) {
                    LOGGER.trace("Skipping field '{}', because config has no entry for it", name);
                    continue;
                }
                Object value = convert(raw, field.getType(), field.getGenericType(), name);
                if (value == null) {
                    continue;
                }
                try {
                    LOGGER.trace("Setting value ({}) {} to field '{}' in configuration class {}",
                            field.getType().getSimpleName(), value, name, configurationClass.getName());
                    field.setAccessible(true);
                    field.set(instance, value);
                } catch (IllegalAccessException e) {
                    LOGGER.warn("Could not set field value for field '{}': {}", name, e.getMessage(), e);
                }
            }
        }
        return instance;
    }

    private static <T> T createRecord(Map<String, @Nullable Object> properties, Class<T> recordClass)
            throws NoSuchMethodException, InstantiationException, IllegalAccessException, InvocationTargetException {
        RecordComponent[] components = recordClass.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        // like openHAB: the canonical constructor is looked up before any component is looked at
        Constructor<T> constructor = recordClass.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        @Nullable
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String name = component.getName();
            Object raw = properties.get(name);
            Object value = null;
            if (raw == null) {
                LOGGER.trace("Skipping component '{}', because config has no entry for it", name);
            } else {
                value = convert(raw, component.getType(), component.getGenericType(), name);
            }
            if (value != null) {
                LOGGER.trace("Setting value ({}) {} to component '{}' in configuration class {}",
                        component.getType().getSimpleName(), value, name, recordClass.getName());
            } else if (component.getType().isPrimitive()) {
                value = primitiveDefault(component.getType());
                LOGGER.trace("Setting default value ({}) {} to component '{}' in configuration class {}",
                        component.getType().getSimpleName(), value, name, recordClass.getName());
            }
            arguments[i] = value;
        }
        return recordClass.cast(constructor.newInstance(arguments));
    }

    private static Object primitiveDefault(Class<?> type) {
        if (type == boolean.class) {
            return false;
        } else if (type == char.class) {
            return '\0';
        } else if (type == long.class) {
            return 0L;
        } else if (type == float.class) {
            return 0f;
        } else if (type == double.class) {
            return 0d;
        } else if (type == byte.class) {
            return (byte) 0;
        } else if (type == short.class) {
            return (short) 0;
        } else if (type == int.class) {
            return 0;
        }
        throw new IllegalArgumentException("Unsupported primitive type: " + type);
    }

    private static @Nullable Object convert(Object value, Class<?> type, @Nullable Type genericType, String name) {
        if (value instanceof Collection<?> values) {
            Collection<Object> target;
            if (List.class.isAssignableFrom(type)) {
                target = new ArrayList<>();
            } else if (Set.class.isAssignableFrom(type)) {
                target = new HashSet<>();
            } else {
                LOGGER.warn("Skipping field '{}', only List and Set are supported as target collection types", name);
                return null;
            }
            if (!(genericType instanceof ParameterizedType parameterized)) {
                LOGGER.warn("Skipping field '{}', target collection type must declare a generic element type", name);
                return null;
            }
            Type elementType = parameterized.getActualTypeArguments()[0];
            if (!(elementType instanceof Class<?> elementClass)) {
                LOGGER.warn(
                        "Skipping field '{}', collection element type '{}' is not supported (only simple class element types are supported)",
                        name, elementType.getTypeName());
                return null;
            }
            for (Object element : values) {
                Object converted = valueAs(element, elementClass);
                if (converted != null) {
                    target.add(converted);
                }
            }
            return target;
        }
        Object converted = valueAs(value, type);
        if (converted == null) {
            LOGGER.warn("Could not set value for field '{}' because conversion failed. Check your configuration value.",
                    name);
        }
        return converted;
    }

    /**
     * Converts a value to the given type, or returns the default value.
     *
     * @param value the value (or its text)
     * @param type the wanted type
     * @param defaultValue returned when the value is null or cannot be converted
     * @return the converted value or the default value
     */
    public static <T> T valueAsOrElse(@Nullable Object value, Class<T> type, T defaultValue) {
        return Objects.requireNonNullElse(valueAs(value, type), defaultValue);
    }

    /**
     * Converts a value to the given type: numbers to any number type or BigDecimal; text to numbers, BigDecimal,
     * Boolean, enum constants and single-element Set or List; values already of the type are returned as they are.
     *
     * @param value the value (or its text)
     * @param type the wanted type (primitive types stand for their wrappers)
     * @return the converted value, or null if the value is null or cannot be converted
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public static <T> @Nullable T valueAs(@Nullable Object value, Class<T> type) {
        if (value == null || type.isAssignableFrom(value.getClass())) {
            return (T) value;
        }
        Class<?> target = wrapperOf(type);
        try {
            Object result = value;
            if (value instanceof Number number) {
                result = fromNumber(number, target);
            } else if (value instanceof String text && target != String.class) {
                if (target == Boolean.class) {
                    result = Boolean.valueOf(text);
                } else if (type.isEnum()) {
                    result = Enum.valueOf((Class<? extends Enum>) target, text);
                } else if (Set.class.isAssignableFrom(target)) {
                    result = Set.of(text);
                } else if (Collection.class.isAssignableFrom(target)) {
                    result = List.of(text);
                } else {
                    result = fromText(text, target);
                }
            }
            if (target.isInstance(result)) {
                return (T) result;
            }
            LOGGER.warn("Conversion of value '{}' with type '{}' to '{}' failed. Returning null", value,
                    value.getClass(), type);
        } catch (RuntimeException e) {
            LOGGER.warn("Conversion of value '{}' with type '{}' to '{}' failed: {}. Returning null", value,
                    value.getClass(), type, e.getMessage());
        }
        return null;
    }

    private static Class<?> wrapperOf(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        } else if (type == int.class) {
            return Integer.class;
        } else if (type == long.class) {
            return Long.class;
        } else if (type == boolean.class) {
            return Boolean.class;
        } else if (type == double.class) {
            return Double.class;
        } else if (type == float.class) {
            return Float.class;
        } else if (type == short.class) {
            return Short.class;
        } else if (type == byte.class) {
            return Byte.class;
        }
        return type;
    }

    private static Object fromNumber(Number number, Class<?> target) {
        if (target == Integer.class) {
            return number.intValue();
        } else if (target == Long.class) {
            return number.longValue();
        } else if (target == Double.class) {
            return number.doubleValue();
        } else if (target == Float.class) {
            return number.floatValue();
        } else if (target == Short.class) {
            return number.shortValue();
        } else if (target == Byte.class) {
            return number.byteValue();
        } else if (target == BigDecimal.class) {
            return new BigDecimal(number.toString());
        }
        return number;
    }

    private static Object fromText(String text, Class<?> target) {
        if (target == Integer.class) {
            return Integer.valueOf(text);
        } else if (target == Long.class) {
            return Long.valueOf(text);
        } else if (target == Double.class) {
            return Double.valueOf(text);
        } else if (target == Float.class) {
            return Float.valueOf(text);
        } else if (target == Short.class) {
            return Short.valueOf(text);
        } else if (target == Byte.class) {
            return Byte.valueOf(text);
        } else if (target == BigDecimal.class) {
            return new BigDecimal(text);
        }
        return text;
    }
}
