using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Fangkong.IntegrationTests.Architecture;

/// <summary>
/// The CLI references the web project for one purpose: to host it (<c>serve</c>, <c>demo</c>, which
/// serves the demo, the pages benchmark, which serves and measures, and <c>settings</c>, which checks the
/// sections <c>serve</c> will read). It uses no other web type, and the web project never uses the CLI
/// (docs/architecture-rules.md, "Hosts and pages"). Read from the assemblies' type-reference tables:
/// any use of another assembly's type, however written, is listed there.
/// </summary>
public sealed class CliWebBoundaryTests
{
    /// <summary>The web types the CLI may use: the host's entry point, its options, its list of settings sections.</summary>
    private static readonly string[] HostingTypes =
    [
        "Fangkong.Web.FangkongWebApp",
        "Fangkong.Web.FangkongWebOptions",
        "Fangkong.Web.Infrastructure.Settings.WebSettingsSetup",
    ];

    [Fact]
    public void TheCli_UsesTheWebProject_OnlyToHostIt()
    {
        var used = TypesReferenced(typeof(Fangkong.Cli.GlobalOptions).Assembly.Location, "Fangkong.Web");
        used.ShouldNotBeEmpty("the CLI serves the web host");
        used.Except(HostingTypes).ShouldBeEmpty("the CLI takes from the web project only what hosts it; move anything else down to src/Fangkong");
    }

    [Fact]
    public void TheWebProject_NeverUsesTheCli()
    {
        using var pe = new PEReader(File.OpenRead(typeof(Fangkong.Web.FangkongWebApp).Assembly.Location));
        var reader = pe.GetMetadataReader();
        reader.AssemblyReferences.Select(r => reader.GetString(reader.GetAssemblyReference(r).Name)).ShouldNotContain("Fangkong.Cli");
    }

    /// <summary>Full names of the (outermost) types of <paramref name="assembly"/> that the assembly at <paramref name="path"/> refers to.</summary>
    private static List<string> TypesReferenced(string path, string assembly)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var reader = pe.GetMetadataReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in reader.TypeReferences)
        {
            var type = reader.GetTypeReference(handle);
            while (type.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                type = reader.GetTypeReference((TypeReferenceHandle)type.ResolutionScope);
            }

            if (type.ResolutionScope.Kind == HandleKind.AssemblyReference
                && reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope).Name) == assembly)
            {
                names.Add($"{reader.GetString(type.Namespace)}.{reader.GetString(type.Name)}");
            }
        }

        return [.. names.Order(StringComparer.Ordinal)];
    }
}
