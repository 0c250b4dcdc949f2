using Fangkong.Data;
using Mono.Cecil;

namespace Fangkong.UnitTests.Architecture;

/// <summary>
/// The domain library knows nothing of its hosts, and the web pages never write through the DbContext
/// themselves (docs/architecture-rules.md, ADR 0024).
/// </summary>
public sealed class AssemblyBoundaryTests
{
    private static readonly string Domain = typeof(FangkongDbContext).Assembly.Location;
    private static readonly string Web = Path.Combine(AppContext.BaseDirectory, "Fangkong.Web.dll");

    /// <summary>Writing members of EF Core's DbContext and DbSet: a page that needs one calls a use case.</summary>
    private static readonly string[] Writes =
        ["SaveChanges", "SaveChangesAsync", "Add", "AddAsync", "AddRange", "AddRangeAsync", "Update", "UpdateRange", "Remove", "RemoveRange", "Attach", "ExecuteUpdate", "ExecuteUpdateAsync", "ExecuteDelete", "ExecuteDeleteAsync", "ExecuteSqlRaw", "ExecuteSqlRawAsync", "ExecuteSqlInterpolated", "ExecuteSqlInterpolatedAsync", "ExecuteSql", "ExecuteSqlAsync"];

    private static readonly string[] WriterTypes =
        ["Microsoft.EntityFrameworkCore.DbContext", "Microsoft.EntityFrameworkCore.DbSet`1", "Fangkong.Data.FangkongDbContext",
         "Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions", "Microsoft.EntityFrameworkCore.RelationalQueryableExtensions",
         "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions"];

    [Fact]
    public void TheDomain_ReferencesNeitherTheWebNorTheCliAssembly()
    {
        using var module = ModuleDefinition.ReadModule(Domain);
        module.AssemblyReferences.Select(r => r.Name).Where(n => n.StartsWith("Fangkong.", StringComparison.Ordinal)).ShouldBeEmpty();

        TypeDependencies.Of(Domain)
            .Where(e => e.To.StartsWith("Fangkong.Web.", StringComparison.Ordinal) || e.To.StartsWith("Fangkong.Cli.", StringComparison.Ordinal))
            .Select(e => $"{e.From} uses {e.To}")
            .ShouldBeEmpty();
    }

    [Fact]
    public void Pages_NeverWriteThroughTheDbContext()
    {
        var writes = TypeDependencies.CallsOf(Web)
            .Where(c => c.From.StartsWith("Fangkong.Web.Components.", StringComparison.Ordinal))
            .Where(c => WriterTypes.Contains(c.DeclaringType, StringComparer.Ordinal) && Writes.Contains(c.Method, StringComparer.Ordinal))
            .Select(c => $"{c.From} calls {c.DeclaringType}.{c.Method}")
            .Order(StringComparer.Ordinal)
            .ToList();

        writes.ShouldBeEmpty("a page reads through use cases or the filtered sets and writes only by calling a use case");
    }
}
