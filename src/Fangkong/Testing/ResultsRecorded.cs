using Fangkong.Common;

namespace Fangkong.Testing;

/// <summary>
/// Lab results were recorded and committed (<see cref="RecordResults"/>): the tubes whose members must
/// now be traced (positive or invalid pools, and every single tube). Handled after commit by
/// <see cref="TraceRecordedResults"/>.
/// </summary>
public sealed record ResultsRecorded(IReadOnlyList<long> TubesToTrace) : IDomainEvent;
