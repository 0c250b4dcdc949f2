using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.SocialZero;

namespace Fangkong.IntegrationTests.Architecture;

/// <summary>
/// "A case was reported → classify it" is an in-transaction domain event (docs/architecture-rules.md):
/// SocialZero handles it and Cases does not call SocialZero. The classifications it writes are checked
/// on both databases by <c>SocialZeroTests</c> (import) and <c>PositiveHandoffTests</c> (report).
/// </summary>
public sealed class CasesReportedEventTests
{
    [Fact]
    public void CasesReported_IsHandledBySocialZero_InTheReportingTransaction()
    {
        DomainEvents.HandlersOf<CasesReported>().Select(h => h.GetType()).ShouldBe([typeof(ClassifyReportedCases)]);
        CommittedEvents.HandlersOf<CasesReported>().ShouldBeEmpty();
    }
}
