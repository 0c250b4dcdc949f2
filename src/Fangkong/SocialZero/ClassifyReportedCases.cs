using Fangkong.Cases;
using Fangkong.Data;

namespace Fangkong.SocialZero;

/// <summary>
/// Classifies each new case at detection (<see cref="CaseClassifier"/>), in the reporting transaction:
/// Cases raises <see cref="CasesReported"/> and does not know SocialZero (docs/architecture-rules.md).
/// </summary>
public sealed class ClassifyReportedCases : IHandleDomainEvent<CasesReported>
{
    public async Task HandleAsync(FangkongDbContext db, CasesReported domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        await CaseClassifier.Default.AddAsync(db, domainEvent.Cases, ct);
    }
}
