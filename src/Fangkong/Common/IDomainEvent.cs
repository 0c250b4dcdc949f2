namespace Fangkong.Common;

/// <summary>
/// Something that happened in one capability that another may react to, in the same process and the
/// same unit of work (<c>Fangkong.Data.DomainEvents</c>, ADR 0024).
/// </summary>
#pragma warning disable CA1040 // A marker: the events share no member, only the dispatch.
public interface IDomainEvent;
#pragma warning restore CA1040
