using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Fangkong.UnitTests.Architecture;

/// <summary>
/// What each type of an assembly refers to, read from its compiled IL with Mono.Cecil: base types,
/// interfaces, fields, properties, signatures, attributes and every instruction of every method body.
/// Compiler-generated nested types (lambdas, async state machines) count for the type that declares them.
/// </summary>
internal static class TypeDependencies
{
    /// <summary>One reference from a type of the assembly to another type (full names, '.' separated).</summary>
    public sealed record Edge(string From, string To);

    /// <summary>A call from a type of the assembly to a method: the caller, the method's declaring type and name.</summary>
    public sealed record Call(string From, string DeclaringType, string Method);

    public static IReadOnlyList<Edge> Of(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var edges = new HashSet<Edge>();
        foreach (var type in module.GetTypes())
        {
            var from = Outermost(type).FullName;
            foreach (var target in Referenced(type))
            {
                foreach (var name in Names(target))
                {
                    edges.Add(new Edge(from, name));
                }
            }
        }

        return [.. edges];
    }

    public static IReadOnlyList<Call> CallsOf(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var calls = new HashSet<Call>();
        foreach (var type in module.GetTypes())
        {
            var from = Outermost(type).FullName;
            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                foreach (var instruction in method.Body.Instructions)
                {
                    if (instruction.Operand is MethodReference called)
                    {
                        calls.Add(new Call(from, called.DeclaringType.GetElementType().FullName, called.Name));
                    }
                }
            }
        }

        return [.. calls];
    }

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static IEnumerable<TypeReference> Referenced(TypeDefinition type)
    {
        if (type.BaseType is not null)
        {
            yield return type.BaseType;
        }

        foreach (var i in type.Interfaces)
        {
            yield return i.InterfaceType;
        }

        foreach (var a in type.CustomAttributes)
        {
            yield return a.AttributeType;
        }

        foreach (var f in type.Fields)
        {
            yield return f.FieldType;
        }

        foreach (var p in type.Properties)
        {
            yield return p.PropertyType;
        }

        foreach (var method in type.Methods)
        {
            yield return method.ReturnType;
            foreach (var p in method.Parameters)
            {
                yield return p.ParameterType;
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var v in method.Body.Variables)
            {
                yield return v.VariableType;
            }

            foreach (var instruction in method.Body.Instructions)
            {
                foreach (var t in OperandTypes(instruction))
                {
                    yield return t;
                }
            }
        }
    }

    private static IEnumerable<TypeReference> OperandTypes(Instruction instruction)
    {
        switch (instruction.Operand)
        {
            case TypeReference t:
                yield return t;
                break;
            case FieldReference f:
                yield return f.DeclaringType;
                yield return f.FieldType;
                break;
            case MethodReference m:
                yield return m.DeclaringType;
                yield return m.ReturnType;
                foreach (var p in m.Parameters)
                {
                    yield return p.ParameterType;
                }

                if (m is GenericInstanceMethod g)
                {
                    foreach (var a in g.GenericArguments)
                    {
                        yield return a;
                    }
                }

                break;
        }
    }

    /// <summary>The type and, for generic instances, arrays and by-refs, the types inside it.</summary>
    private static IEnumerable<string> Names(TypeReference type)
    {
        switch (type)
        {
            case GenericInstanceType g:
                foreach (var name in Names(g.ElementType).Concat(g.GenericArguments.SelectMany(Names)))
                {
                    yield return name;
                }

                yield break;
            case TypeSpecification s:
                foreach (var name in Names(s.ElementType))
                {
                    yield return name;
                }

                yield break;
            case GenericParameter:
                yield break;
        }

        var outer = type;
        while (outer.DeclaringType is not null)
        {
            outer = outer.DeclaringType;
        }

        yield return outer.FullName;
    }
}
