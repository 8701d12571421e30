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
package org.openhab.core.standin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;
import org.objectweb.asm.TypeReference;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InnerClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.RecordComponentNode;
import org.objectweb.asm.tree.TypeAnnotationNode;

/**
 * Renders the API of a compiled class (its public and protected members) as lines in Java-like notation, from the
 * class file, so that facts the Java reflection API cannot see are included: CLASS-retention annotations such as
 * Eclipse's {@code @NonNullByDefault}, and type annotations such as {@code @Nullable} at any position of a generic
 * signature.
 * <p>
 * Notation (also described at the top of {@code core-5.2.1-signatures.txt}):
 * <ul>
 * <li>{@code type <annotations> <modifiers> <kind> <name><type parameters> [extends ..] [implements ..]}</li>
 * <li>{@code field <annotations> <modifiers> <type> <name> [= <constant value>]}</li>
 * <li>{@code constant <name>} for an enum constant, {@code component <type> <name>} for a record component</li>
 * <li>{@code ctor <annotations> <modifiers> <type parameters> <SimpleName>(<parameter types>) [throws ..]}</li>
 * <li>{@code method <annotations> <modifiers> <type parameters> <return type> <name>(<parameter types>)
 * [throws ..] [default <value>]}</li>
 * </ul>
 * Types are fully qualified except those directly in {@code java.lang}; nested types are written
 * {@code Outer.Inner}. Annotations are written by simple name, sorted, with their element values; array values are
 * always in braces. Type annotations stand in front of the type they annotate. Modifiers are those in the class file
 * (so interface methods are {@code public abstract}), plus {@code default} for interface default methods; for types
 * the implied modifiers of interfaces, enums and records are left out. Members that are private, package-private,
 * synthetic or implied ({@code values()} and {@code valueOf(String)} of enums) are not rendered.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
final class ApiRenderer {

    private ApiRenderer() {
    }

    /**
     * The rendered type: its type line and its member lines.
     *
     * @param name the fully qualified source name
     * @param typeLine the type line
     * @param members the member lines
     * @param visible whether the type is public or protected
     */
    record RenderedType(String name, String typeLine, List<String> members, boolean visible) {
    }

    static RenderedType render(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        int access = node.access;
        boolean nested = false;
        for (InnerClassNode inner : node.innerClasses) {
            if (inner.name.equals(node.name)) {
                access = inner.access;
                nested = true;
                if (inner.outerName == null || inner.innerName == null) {
                    // local or anonymous class
                    return new RenderedType(sourceName(node.name), "", List.of(), false);
                }
            }
        }
        boolean visible = (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0
                && (node.access & Opcodes.ACC_SYNTHETIC) == 0;
        String typeLine = renderTypeLine(node, access, nested);
        List<String> members = new ArrayList<>();
        boolean isEnum = (node.access & Opcodes.ACC_ENUM) != 0;
        boolean isInterface = (node.access & Opcodes.ACC_INTERFACE) != 0;
        if (node.recordComponents != null) {
            for (RecordComponentNode component : node.recordComponents) {
                String signature = component.signature != null ? component.signature : component.descriptor;
                members.add("component " + new SignatureParser(signature).fieldType().render() + " " + component.name);
            }
        }
        for (FieldNode field : node.fields) {
            if ((field.access & Opcodes.ACC_SYNTHETIC) != 0 || !isVisible(field.access)) {
                continue;
            }
            if ((field.access & Opcodes.ACC_ENUM) != 0) {
                members.add("constant " + field.name);
                continue;
            }
            members.add(renderField(field));
        }
        for (MethodNode method : node.methods) {
            if ((method.access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0 || !isVisible(method.access)
                    || "<clinit>".equals(method.name)) {
                continue;
            }
            if (isEnum && (("values".equals(method.name) && method.desc.startsWith("()"))
                    || ("valueOf".equals(method.name) && method.desc.startsWith("(Ljava/lang/String;)")))) {
                continue;
            }
            members.add(renderMethod(node, method, isInterface));
        }
        return new RenderedType(sourceName(node.name), typeLine, members, visible);
    }

    private static boolean isVisible(int access) {
        return (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0;
    }

    private static String renderTypeLine(ClassNode node, int access, boolean nested) {
        boolean isInterface = (node.access & Opcodes.ACC_INTERFACE) != 0;
        boolean isAnnotation = (node.access & Opcodes.ACC_ANNOTATION) != 0;
        boolean isEnum = (node.access & Opcodes.ACC_ENUM) != 0;
        boolean isRecord = (node.access & Opcodes.ACC_RECORD) != 0 || node.recordComponents != null;
        String kind = isAnnotation ? "@interface"
                : isInterface ? "interface" : isEnum ? "enum" : isRecord ? "record" : "class";
        List<String> modifiers = new ArrayList<>(visibility(access));
        if ("class".equals(kind)) {
            if (nested && (access & Opcodes.ACC_STATIC) != 0) {
                modifiers.add("static");
            }
            if ((access & Opcodes.ACC_ABSTRACT) != 0) {
                modifiers.add("abstract");
            }
            if ((access & Opcodes.ACC_FINAL) != 0) {
                modifiers.add("final");
            }
        }
        TypeAnnotations typeAnnotations = new TypeAnnotations(node.visibleTypeAnnotations,
                node.invisibleTypeAnnotations);
        StringBuilder line = new StringBuilder("type");
        appendWord(line, annotations(node.visibleAnnotations, node.invisibleAnnotations));
        modifiers.forEach(modifier -> appendWord(line, modifier));
        appendWord(line, kind);
        appendWord(line, sourceName(node.name));
        List<JType> supertypes = new ArrayList<>();
        List<TypeParameter> typeParameters = List.of();
        if (node.signature != null) {
            SignatureParser parser = new SignatureParser(node.signature);
            typeParameters = parser.typeParameters();
            while (!parser.atEnd()) {
                supertypes.add(parser.fieldType());
            }
        } else {
            supertypes
                    .add(new SignatureParser("L" + (node.superName == null ? "java/lang/Object" : node.superName) + ";")
                            .fieldType());
            for (String anInterface : node.interfaces) {
                supertypes.add(new SignatureParser("L" + anInterface + ";").fieldType());
            }
        }
        for (TypeAnnotationNode annotation : typeAnnotations.all()) {
            TypeReference reference = new TypeReference(annotation.typeRef);
            switch (reference.getSort()) {
                case TypeReference.CLASS_TYPE_PARAMETER ->
                    typeParameters.get(reference.getTypeParameterIndex()).annotations.add(render(annotation));
                case TypeReference.CLASS_TYPE_PARAMETER_BOUND ->
                    typeParameters.get(reference.getTypeParameterIndex()).bound(reference.getTypeParameterBoundIndex())
                            .annotate(annotation.typePath, render(annotation));
                case TypeReference.CLASS_EXTENDS ->
                    supertypes.get(reference.getSuperTypeIndex() + 1).annotate(annotation.typePath, render(annotation));
                default -> throw new IllegalStateException("unexpected type annotation on " + node.name);
            }
        }
        line.append(renderTypeParameters(typeParameters));
        JType superclass = supertypes.getFirst();
        String superName = superclass.render();
        if (!isInterface && !superName.equals("Object") && !superName.startsWith("Enum<")
                && !superName.equals("Record")) {
            line.append(" extends ").append(superName);
        }
        List<String> interfaces = supertypes.subList(1, supertypes.size()).stream().map(JType::render)
                .filter(name -> !(isAnnotation && name.equals("java.lang.annotation.Annotation"))).toList();
        if (!interfaces.isEmpty()) {
            line.append(isInterface ? " extends " : " implements ").append(String.join(", ", interfaces));
        }
        return line.toString();
    }

    private static String renderField(FieldNode field) {
        JType type = new SignatureParser(field.signature != null ? field.signature : field.desc).fieldType();
        for (TypeAnnotationNode annotation : new TypeAnnotations(field.visibleTypeAnnotations,
                field.invisibleTypeAnnotations).all()) {
            type.annotate(annotation.typePath, render(annotation));
        }
        StringBuilder line = new StringBuilder("field");
        appendWord(line, annotations(field.visibleAnnotations, field.invisibleAnnotations));
        modifiers(field.access, false).forEach(modifier -> appendWord(line, modifier));
        appendWord(line, type.render());
        appendWord(line, field.name);
        if (field.value != null) {
            line.append(" = ").append(literal(field.value));
        }
        return line.toString();
    }

    private static String renderMethod(ClassNode owner, MethodNode method, boolean inInterface) {
        SignatureParser parser = new SignatureParser(method.signature != null ? method.signature : method.desc);
        List<TypeParameter> typeParameters = parser.typeParameters();
        List<JType> parameters = parser.parameterTypes();
        JType returnType = parser.fieldType();
        List<JType> exceptions = new ArrayList<>(parser.exceptionTypes());
        if (exceptions.isEmpty() && method.exceptions != null) {
            for (String exception : method.exceptions) {
                exceptions.add(new SignatureParser("L" + exception + ";").fieldType());
            }
        }
        for (TypeAnnotationNode annotation : new TypeAnnotations(method.visibleTypeAnnotations,
                method.invisibleTypeAnnotations).all()) {
            TypeReference reference = new TypeReference(annotation.typeRef);
            String rendered = render(annotation);
            switch (reference.getSort()) {
                case TypeReference.METHOD_TYPE_PARAMETER ->
                    typeParameters.get(reference.getTypeParameterIndex()).annotations.add(rendered);
                case TypeReference.METHOD_TYPE_PARAMETER_BOUND -> typeParameters.get(reference.getTypeParameterIndex())
                        .bound(reference.getTypeParameterBoundIndex()).annotate(annotation.typePath, rendered);
                case TypeReference.METHOD_RETURN -> returnType.annotate(annotation.typePath, rendered);
                case TypeReference.METHOD_FORMAL_PARAMETER ->
                    parameters.get(reference.getFormalParameterIndex()).annotate(annotation.typePath, rendered);
                case TypeReference.THROWS ->
                    exceptions.get(reference.getExceptionIndex()).annotate(annotation.typePath, rendered);
                case TypeReference.METHOD_RECEIVER -> {
                    // receiver parameters are not part of the API
                }
                default -> throw new IllegalStateException("unexpected type annotation on " + method.name);
            }
        }
        boolean constructor = "<init>".equals(method.name);
        StringBuilder line = new StringBuilder(constructor ? "ctor" : "method");
        appendWord(line, annotations(method.visibleAnnotations, method.invisibleAnnotations));
        List<String> modifiers = modifiers(method.access, true);
        if (inInterface && (method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_STATIC)) == 0) {
            modifiers.add("default");
        }
        modifiers.forEach(modifier -> appendWord(line, modifier));
        appendWord(line, renderTypeParameters(typeParameters));
        if (!constructor) {
            appendWord(line, returnType.render());
        }
        String simpleName = sourceName(owner.name);
        simpleName = simpleName.substring(simpleName.lastIndexOf('.') + 1);
        appendWord(line, constructor ? simpleName : method.name);
        List<String> renderedParameters = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            JType parameter = parameters.get(i);
            String declarationAnnotations = parameterAnnotations(method, i);
            String rendered = (i == parameters.size() - 1 && (method.access & Opcodes.ACC_VARARGS) != 0
                    && parameter instanceof ArrayType array) ? array.renderVarargs() : parameter.render();
            renderedParameters
                    .add(declarationAnnotations.isEmpty() ? rendered : declarationAnnotations + " " + rendered);
        }
        line.append('(').append(String.join(", ", renderedParameters)).append(')');
        if (!exceptions.isEmpty()) {
            line.append(" throws ").append(exceptions.stream().map(JType::render).collect(Collectors.joining(", ")));
        }
        if (method.annotationDefault != null) {
            line.append(" default ").append(value(method.annotationDefault));
        }
        return line.toString();
    }

    private static String parameterAnnotations(MethodNode method, int index) {
        List<AnnotationNode> all = new ArrayList<>();
        if (method.visibleParameterAnnotations != null && index < method.visibleParameterAnnotations.length
                && method.visibleParameterAnnotations[index] != null) {
            all.addAll(method.visibleParameterAnnotations[index]);
        }
        if (method.invisibleParameterAnnotations != null && index < method.invisibleParameterAnnotations.length
                && method.invisibleParameterAnnotations[index] != null) {
            all.addAll(method.invisibleParameterAnnotations[index]);
        }
        return all.stream().map(ApiRenderer::render).sorted().collect(Collectors.joining(" "));
    }

    private static List<String> visibility(int access) {
        List<String> modifiers = new ArrayList<>();
        if ((access & Opcodes.ACC_PUBLIC) != 0) {
            modifiers.add("public");
        } else if ((access & Opcodes.ACC_PROTECTED) != 0) {
            modifiers.add("protected");
        } else if ((access & Opcodes.ACC_PRIVATE) != 0) {
            modifiers.add("private");
        }
        return modifiers;
    }

    private static List<String> modifiers(int access, boolean method) {
        List<String> modifiers = visibility(access);
        if ((access & Opcodes.ACC_STATIC) != 0) {
            modifiers.add("static");
        }
        if ((access & Opcodes.ACC_ABSTRACT) != 0) {
            modifiers.add("abstract");
        }
        if ((access & Opcodes.ACC_FINAL) != 0) {
            modifiers.add("final");
        }
        if (!method && (access & Opcodes.ACC_VOLATILE) != 0) {
            modifiers.add("volatile");
        }
        if (!method && (access & Opcodes.ACC_TRANSIENT) != 0) {
            modifiers.add("transient");
        }
        return modifiers;
    }

    private static void appendWord(StringBuilder line, String word) {
        if (!word.isEmpty()) {
            line.append(' ').append(word);
        }
    }

    private static String annotations(@Nullable List<AnnotationNode> visible,
            @Nullable List<AnnotationNode> invisible) {
        List<String> rendered = new ArrayList<>();
        if (visible != null) {
            visible.forEach(annotation -> rendered.add(render(annotation)));
        }
        if (invisible != null) {
            invisible.forEach(annotation -> rendered.add(render(annotation)));
        }
        return rendered.stream().sorted().collect(Collectors.joining(" "));
    }

    static String render(AnnotationNode annotation) {
        String name = sourceName(Type.getType(annotation.desc).getInternalName());
        StringBuilder text = new StringBuilder("@").append(name.substring(name.lastIndexOf('.') + 1));
        List<Object> values = annotation.values;
        if (values != null && !values.isEmpty()) {
            Map<String, String> elements = new TreeMap<>();
            for (int i = 0; i < values.size(); i += 2) {
                elements.put((String) values.get(i), value(values.get(i + 1)));
            }
            text.append('(');
            if (elements.size() == 1 && elements.containsKey("value")) {
                text.append(elements.get("value"));
            } else {
                text.append(elements.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                        .collect(Collectors.joining(", ")));
            }
            text.append(')');
        }
        return text.toString();
    }

    private static String value(Object value) {
        if (value instanceof String[] enumValue) {
            return enumValue[1];
        } else if (value instanceof Type type) {
            return sourceName(type.getClassName().replace('.', '/')) + ".class";
        } else if (value instanceof AnnotationNode annotation) {
            return render(annotation);
        } else if (value instanceof List<?> list) {
            return list.stream().map(ApiRenderer::value).collect(Collectors.joining(", ", "{", "}"));
        }
        return literal(value);
    }

    private static String literal(Object value) {
        if (value instanceof String text) {
            StringBuilder quoted = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    quoted.append('\\').append(c);
                } else if (c < 0x20 || c > 0x7e) {
                    quoted.append(String.format("\\u%04x", (int) c));
                } else {
                    quoted.append(c);
                }
            }
            return quoted.append('"').toString();
        } else if (value instanceof Long) {
            return value + "L";
        } else if (value instanceof Float) {
            return value + "f";
        } else if (value instanceof Character c) {
            return "'" + c + "'";
        }
        return String.valueOf(value);
    }

    /**
     * @param internalName e.g. {@code org/openhab/core/types/TimeSeries$Entry}
     * @return e.g. {@code org.openhab.core.types.TimeSeries.Entry}, without {@code java.lang.} for types directly in
     *         that package
     */
    static String sourceName(String internalName) {
        String name = internalName.replace('/', '.').replace('$', '.');
        if (name.startsWith("java.lang.") && name.indexOf('.', "java.lang.".length()) < 0) {
            return name.substring("java.lang.".length());
        }
        return name;
    }

    private static String renderTypeParameters(List<TypeParameter> typeParameters) {
        if (typeParameters.isEmpty()) {
            return "";
        }
        return typeParameters.stream().map(TypeParameter::render).collect(Collectors.joining(", ", "<", ">"));
    }

    /** The type annotations of one element, visible and invisible. */
    private record TypeAnnotations(@Nullable List<TypeAnnotationNode> visible,
            @Nullable List<TypeAnnotationNode> invisible) {
        List<TypeAnnotationNode> all() {
            List<TypeAnnotationNode> all = new ArrayList<>();
            if (visible != null) {
                all.addAll(visible);
            }
            if (invisible != null) {
                all.addAll(invisible);
            }
            return all;
        }
    }

    /** A type of a signature, which can carry type annotations. */
    abstract static class JType {
        final List<String> annotations = new ArrayList<>();

        String prefix() {
            return annotations.isEmpty() ? "" : annotations.stream().sorted().collect(Collectors.joining(" ")) + " ";
        }

        abstract String render();

        /**
         * Attaches an annotation at the given position inside this type.
         */
        void annotate(@Nullable TypePath path, String annotation) {
            JType target = this;
            int segment = 0;
            if (path != null) {
                for (int step = 0; step < path.getLength(); step++) {
                    switch (path.getStep(step)) {
                        case TypePath.ARRAY_ELEMENT -> {
                            target = ((ArrayType) target).component;
                            segment = 0;
                        }
                        case TypePath.INNER_TYPE -> segment++;
                        case TypePath.WILDCARD_BOUND -> {
                            target = java.util.Objects.requireNonNull(((WildcardType) target).bound);
                            segment = 0;
                        }
                        case TypePath.TYPE_ARGUMENT -> {
                            ClassType classType = (ClassType) target;
                            target = classType.arguments.get(Math.min(segment, classType.arguments.size() - 1))
                                    .get(path.getStepArgument(step));
                            segment = 0;
                        }
                        default -> throw new IllegalStateException("unknown type path step");
                    }
                }
            }
            target.annotations.add(annotation);
        }
    }

    static final class PrimitiveType extends JType {
        private final String name;

        PrimitiveType(String name) {
            this.name = name;
        }

        @Override
        String render() {
            return prefix() + name;
        }
    }

    static final class TypeVariable extends JType {
        private final String name;

        TypeVariable(String name) {
            this.name = name;
        }

        @Override
        String render() {
            return prefix() + name;
        }
    }

    static final class ArrayType extends JType {
        final JType component;

        ArrayType(JType component) {
            this.component = component;
        }

        @Override
        String render() {
            return component.render() + (annotations.isEmpty() ? "" : " " + prefix().trim() + " ") + "[]";
        }

        String renderVarargs() {
            return component.render() + (annotations.isEmpty() ? "" : " " + prefix().trim() + " ") + "...";
        }
    }

    static final class WildcardType extends JType {
        private final char kind;
        final @Nullable JType bound;

        WildcardType(char kind, @Nullable JType bound) {
            this.kind = kind;
            this.bound = bound;
        }

        @Override
        String render() {
            JType bound = this.bound;
            if (bound == null) {
                return prefix() + "?";
            }
            return prefix() + "? " + (kind == '+' ? "extends " : "super ") + bound.render();
        }
    }

    /** A class type; nested parameterized types have one segment per level. */
    static final class ClassType extends JType {
        final List<String> names = new ArrayList<>();
        final List<List<JType>> arguments = new ArrayList<>();

        @Override
        String render() {
            StringBuilder text = new StringBuilder(prefix());
            for (int i = 0; i < names.size(); i++) {
                text.append(i == 0 ? sourceName(names.get(i)) : "." + names.get(i));
                List<JType> args = arguments.get(i);
                if (!args.isEmpty()) {
                    text.append(args.stream().map(JType::render).collect(Collectors.joining(", ", "<", ">")));
                }
            }
            return text.toString();
        }
    }

    /** A declared type parameter with its bounds (index 0 is the class bound, possibly absent). */
    static final class TypeParameter {
        final String name;
        final List<String> annotations = new ArrayList<>();
        @Nullable
        JType classBound;
        final List<JType> interfaceBounds = new ArrayList<>();

        TypeParameter(String name) {
            this.name = name;
        }

        JType bound(int index) {
            JType bound = index == 0 ? classBound : interfaceBounds.get(index - 1);
            return java.util.Objects.requireNonNull(bound);
        }

        String render() {
            StringBuilder text = new StringBuilder();
            annotations.stream().sorted().forEach(annotation -> text.append(annotation).append(' '));
            text.append(name);
            List<String> bounds = new ArrayList<>();
            JType classBound = this.classBound;
            if (classBound != null) {
                String rendered = classBound.render();
                if (!rendered.equals("Object") || !interfaceBounds.isEmpty()) {
                    bounds.add(rendered);
                }
            }
            interfaceBounds.forEach(bound -> bounds.add(bound.render()));
            if (!bounds.isEmpty()) {
                text.append(" extends ").append(String.join(" & ", bounds));
            }
            return text.toString();
        }
    }

    /** Parses JVM type signatures and descriptors (JVMS 4.7.9.1). */
    static final class SignatureParser {
        private final String text;
        private int position;

        SignatureParser(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return position >= text.length();
        }

        private char peek() {
            return text.charAt(position);
        }

        List<TypeParameter> typeParameters() {
            List<TypeParameter> parameters = new ArrayList<>();
            if (atEnd() || peek() != '<') {
                return parameters;
            }
            position++;
            while (peek() != '>') {
                int colon = text.indexOf(':', position);
                TypeParameter parameter = new TypeParameter(text.substring(position, colon));
                position = colon + 1;
                if (peek() != ':') {
                    parameter.classBound = fieldType();
                }
                while (peek() == ':') {
                    position++;
                    parameter.interfaceBounds.add(fieldType());
                }
                parameters.add(parameter);
            }
            position++;
            return parameters;
        }

        List<JType> parameterTypes() {
            List<JType> parameters = new ArrayList<>();
            position++; // '('
            while (peek() != ')') {
                parameters.add(fieldType());
            }
            position++;
            return parameters;
        }

        List<JType> exceptionTypes() {
            List<JType> exceptions = new ArrayList<>();
            while (!atEnd() && peek() == '^') {
                position++;
                exceptions.add(fieldType());
            }
            return exceptions;
        }

        JType fieldType() {
            char c = text.charAt(position++);
            switch (c) {
                case 'L':
                    return classType();
                case 'T': {
                    int end = text.indexOf(';', position);
                    TypeVariable variable = new TypeVariable(text.substring(position, end));
                    position = end + 1;
                    return variable;
                }
                case '[':
                    return new ArrayType(fieldType());
                default:
                    return new PrimitiveType(Type.getType(String.valueOf(c)).getClassName());
            }
        }

        private ClassType classType() {
            ClassType type = new ClassType();
            StringBuilder name = new StringBuilder();
            List<JType> args = new ArrayList<>();
            while (true) {
                char c = text.charAt(position++);
                if (c == '<') {
                    while (peek() != '>') {
                        args.add(typeArgument());
                    }
                    position++;
                } else if (c == '.' || c == ';') {
                    type.names.add(name.toString());
                    type.arguments.add(args);
                    if (c == ';') {
                        return type;
                    }
                    name = new StringBuilder();
                    args = new ArrayList<>();
                } else {
                    name.append(c);
                }
            }
        }

        private JType typeArgument() {
            char c = peek();
            if (c == '*') {
                position++;
                return new WildcardType('*', null);
            } else if (c == '+' || c == '-') {
                position++;
                return new WildcardType(c, fieldType());
            }
            return fieldType();
        }
    }
}
