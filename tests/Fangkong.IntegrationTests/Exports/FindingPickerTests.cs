using Fangkong.Data;
using Fangkong.IntegrationTests.Accountability;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Supervision.Findings;

namespace Fangkong.IntegrationTests.Exports;

/// <summary>The accountability form's finding picker: a search by title or number, not the newest 1,000 (or 50) alone.</summary>
public sealed class FindingPickerTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnOldFinding_IsNotOfferedUnsearched_ButIsFoundByTitleAndByNumber(DatabaseProvider provider)
    {
        await using var host = await AccountabilityWorld.StartAsync(provider);
        long oldest;
        await using (var db = host.Database.NewContext())
        {
            oldest = await AccountabilityApiTests.AddFindingAsync(db, WebTestData.Community);
            var template = await db.Findings.FindAsync(oldest);
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < Fangkong.Web.Components.Kit.PickerSources.MaxFindingMatches + 5; i++)
            {
                var finding = Finding.Raise(new Finding.Draft(
                    FindingSource.Complaint, WebTestData.Community, $"核酸点排队过长 {i}", "排队两小时", FindingCategory.ClosedManagement, FindingSeverity.Minor,
                    template!.ResponsibleOrganisationId, template.ResponsibleUnit, template.ResponsibleOfficialId, template.ResponsiblePerson, now.AddDays(1), "jijian", now, ComplaintRef: $"12345-1{i:D3}"));
                finding.IsSuccess.ShouldBeTrue(finding.Error?.Message);
                db.Findings.Add(finding.Value!);
            }

            await db.SaveChangesAsync();
        }

        using var client = await host.ClientAsync("jijian");
        var option = $"value=\"{oldest}\"";
        (await client.GetStringAsync("/accountability/new")).ShouldNotContain(option, customMessage: "the newest findings fill the unsearched picker");
        var byTitle = await client.GetStringAsync($"/accountability/new?findings={Uri.EscapeDataString("养老院")}");
        byTitle.ShouldContain(option);
        byTitle.ShouldNotContain("核酸点排队过长");
        (await client.GetStringAsync($"/accountability/new?findings={oldest}")).ShouldContain(option);
    }
}
