using Fangkong.Common;

namespace Fangkong.Cases;

/// <summary>
/// New cases were reported (<see cref="ReportPositive"/>) or imported from a line list
/// (<see cref="ImportCases"/>); published before the save, so that the reactions (social-level zero
/// classifies each case) commit with the cases or not at all. Updates of known cases are not in it.
/// </summary>
public sealed record CasesReported(IReadOnlyList<Case> Cases) : IDomainEvent;
