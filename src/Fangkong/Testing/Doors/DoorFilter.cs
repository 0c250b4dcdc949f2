namespace Fangkong.Testing.Doors;

/// <summary>What the door-to-door list is asked for: a round, a community, and optionally one of its compounds or buildings.</summary>
public sealed record DoorFilter(long RoundId, string Community, long? CompoundId = null, long? BuildingId = null);
