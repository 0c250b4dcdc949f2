using Fangkong.Access;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Data;

/// <summary>
/// The one way to lift the jurisdiction filter (ADR 0024). A caller names the reason, so that every
/// bypass can be found, listed (docs/architecture-rules.md) and reviewed; an architecture test refuses
/// <c>IgnoreQueryFilters</c> anywhere else in src/.
/// </summary>
/// <remarks>
/// EF Core translates only its own operators inside a query's lambdas: call this on a set outside the
/// lambda (a local variable) and use that variable inside, as <c>ListExemptions</c> does.
/// The query still has to bound what it returns by hand: that is what the reason documents.
/// </remarks>
public static class JurisdictionBypass
{
    /// <summary>The records of <paramref name="source"/> in every jurisdiction, for <paramref name="reason"/>.</summary>
    public static IQueryable<T> BypassJurisdiction<T>(this IQueryable<T> source, BypassReason reason)
        where T : class, IRegionScoped
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown bypass reason.");
        }

        return source.IgnoreQueryFilters();
    }
}
