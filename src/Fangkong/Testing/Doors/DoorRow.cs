namespace Fangkong.Testing.Doors;

/// <summary>One resident not yet swabbed, at their door; the phone is masked or not as the caller may see it.</summary>
public sealed record DoorRow(long PersonId, string Name, string Phone, string? Compound, string? Building, string? Unit, string? Room);
