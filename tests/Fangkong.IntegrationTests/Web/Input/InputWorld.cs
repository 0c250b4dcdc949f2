using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Web.Input;

/// <summary>What the input tests add to the web test world, and how they tell that nothing was stored.</summary>
internal static class InputWorld
{
    /// <summary>A command-centre user "city" over Jilin City (checklists are theirs to edit).</summary>
    public static async Task AddCommandCentreAsync(TestDatabase database)
    {
        await TestUsers.AddAsync(database, ("city", Roles.CommandCentre, "2202"));
    }

    /// <summary>Rows of every table the refused requests aimed at.</summary>
    public static async Task<string> CountStoredAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return string.Join(
            ", ",
            $"rounds {await db.TestingRounds.CountAsync()}",
            $"points {await db.SamplingPoints.CountAsync()}",
            $"tubes {await db.Tubes.CountAsync()}",
            $"samples {await db.Samples.CountAsync()}",
            $"cases {await db.Cases.CountAsync()}",
            $"checklists {await db.ChecklistTemplates.CountAsync()}/{await db.ChecklistItems.CountAsync()}",
            $"proposals {await db.AreaProposals.CountAsync()}");
    }
}
