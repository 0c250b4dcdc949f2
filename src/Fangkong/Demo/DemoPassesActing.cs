using Fangkong.Access;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Fangkong.Demo;

/// <summary>
/// A context on the demo's database seen as one user (name and jurisdiction), so that the demo
/// takes each step through the same use case, level check and audit line as that user would.
/// </summary>
internal static class DemoPassesActing
{
    public static FangkongDbContext As(FangkongDbContext db, TimeProvider time, string userName, string region, bool seesFullIdentity = false)
    {
        var options = (DbContextOptions<FangkongDbContext>)db.GetService<IDbContextOptions>();
        return new FangkongDbContext(options, new FixedJurisdiction(new Jurisdiction(userName, region, seesFullIdentity)), time);
    }

    /// <summary>Fails the demo loudly: a refused step means the demo data is wrong, not the user.</summary>
    public static T Must<T>(Common.Result<T> result, string step) =>
        result.IsSuccess ? result.Value! : throw new InvalidOperationException($"Demo step '{step}' was refused: {result.Error!.Message}");
}
