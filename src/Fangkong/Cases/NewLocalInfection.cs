using System.Linq.Expressions;

namespace Fangkong.Cases;

/// <summary>
/// A new local infection (新增本土感染): a case reported for the first time, not a conversion of an earlier
/// asymptomatic case (the same infection again) and not imported from abroad (境外输入, in quarantine since
/// arrival). The lifting criteria of areas and the quarantine capacity forecast count these, through this
/// one definition; the daily bulletin reports conversions and imports apart and groups by them itself.
/// </summary>
public static class NewLocalInfection
{
    /// <summary>The rule, as an expression EF Core translates on both databases.</summary>
    public static readonly Expression<Func<Case, bool>> Rule = c => c.ConvertedFromCaseNo == null && c.Source != CaseSource.Import;

    private static readonly Func<Case, bool> Compiled = Rule.Compile();

    /// <summary>The cases of <paramref name="cases"/> that are new local infections.</summary>
    public static IQueryable<Case> NewLocalInfections(this IQueryable<Case> cases) => cases.Where(Rule);

    /// <summary>The same rule for a case in memory.</summary>
    public static bool Is(Case c) => Compiled(c);
}
