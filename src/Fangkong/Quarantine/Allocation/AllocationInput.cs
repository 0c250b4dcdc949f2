namespace Fangkong.Quarantine.Allocation;

/// <summary>
/// Everything the in-memory allocation needs, read beforehand: who waits, the declared
/// dependants among them, the open sites with their free rooms and beds (detached entities), the
/// kinds of occupant already on each floor, and the current placements of carers whose dependants still wait.
/// </summary>
public sealed record AllocationInput(
    IReadOnlyList<WaitingPerson> Waiting,
    IReadOnlyList<DependantDeclaration> Declarations,
    IReadOnlyList<QuarantineSite> Sites,
    IReadOnlyList<Space> FreeSpaces,
    IReadOnlyDictionary<long, IReadOnlyCollection<OccupantKind>> FloorKinds,
    IReadOnlyList<(Placement Placement, QuarantineRoom Room)> PlacedCarers);

/// <summary>One new placement; a dependant's carer placement (whose id is assigned when written).</summary>
public sealed record NewPlacement(Placement Placement, Space Space, Placement? Carer);

/// <summary>What a run did: the new placements, and who is left waiting and why (人等房间, 人等床位).</summary>
public sealed record AllocationOutcome(IReadOnlyList<NewPlacement> Placed, IReadOnlyList<(WaitingPerson Person, string Reason)> Unplaced)
{
    public string Summary => string.Join("; ", Unplaced.GroupBy(u => u.Reason).OrderByDescending(g => g.Count()).Select(g => $"{g.Key}: {g.Count()}"));
}
