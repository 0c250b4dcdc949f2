using Fangkong.Cases;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Fangkong.Residences;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.InfectionFree;

/// <summary>
/// For web tests, whose host has seeded <see cref="WebTestData"/> already: one compound (吉源小区)
/// with two residents, a negative round over the community, and a new case.
/// </summary>
internal static class LabelWorld
{
    public static readonly string Resident1 = WebTestData.IdNumberFor(WebTestData.Community, "19700101", 41);
    public static readonly string Resident2 = WebTestData.IdNumberFor(WebTestData.Community, "19700102", 43);

    public static async Task<long> CompoundAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var compound = new Compound(WebTestData.Community, "吉源小区");
        db.Compounds.Add(compound);
        await db.SaveChangesAsync();
        db.Persons.AddRange(
            new Person(DocumentType.ResidentId, Resident1, "赵一", WebTestData.Community) { CompoundId = compound.Id, UpdatedAt = DateTimeOffset.UtcNow },
            new Person(DocumentType.ResidentId, Resident2, "钱二", WebTestData.Community) { CompoundId = compound.Id, UpdatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return compound.Id;
    }

    /// <summary>A round over the community on the day at 8:00, each resident negative in a single tube.</summary>
    public static async Task NegativeRoundAsync(TestDatabase database, DateOnly on)
    {
        await using var db = database.NewContext();
        var at = new DateTimeOffset(on.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(8));
        var round = new TestingRound("无疫申请前全员核酸", WebTestData.Community, at, at.AddHours(24), 1, "county");
        db.TestingRounds.Add(round);
        await db.SaveChangesAsync();
        foreach (var number in new[] { Resident1, Resident2 })
        {
            var person = await db.Persons.SingleAsync(p => p.DocumentNumber == number);
            var tube = new Tube(round.Id, $"IF{person.Id:D6}", 1, WebTestData.Community, "采样点", at.AddHours(1));
            tube.AddSample();
            tube.SetResult(TestResult.Negative, null, null, "市疾控", at.AddHours(6), at.AddHours(6));
            db.Tubes.Add(tube);
            await db.SaveChangesAsync();
            db.Samples.Add(new Sample($"if-{person.Id}", round.Id, tube.Id, WebTestData.Community, person.Id, number, person.RegionCode, at.AddHours(1), "sampler"));
            await db.SaveChangesAsync();
        }
    }

    public static async Task CaseAsync(TestDatabase database, string idNumber, DateOnly on)
    {
        await using var db = database.NewContext();
        var person = await db.Persons.SingleAsync(p => p.DocumentNumber == idNumber);
        db.Cases.Add(Fangkong.Cases.Case.Create(new Fangkong.Cases.Case.Report($"IF-{person.Id}", person.Name, idNumber, person.RegionCode, CaseType.Asymptomatic, null, on, CaseSource.LineList, null, person.Id)).Value!);
        await db.SaveChangesAsync();
    }
}
