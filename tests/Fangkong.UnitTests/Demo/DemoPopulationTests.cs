using Fangkong.Demo;
using Fangkong.Persons;

namespace Fangkong.UnitTests.Demo;

public sealed class DemoPopulationTests
{
    private static readonly DemoPopulation.Community[] Communities =
    [
        new("220204003001", "吉源社区"),
        new("220204003002", "松北一区社区"),
        new("220204100200", "大绥河村"),
    ];

    private static List<PersonRow> Generate(int total, int seed = 7) =>
        new DemoPopulation("220204", seed).Generate(Communities, total).ToList();

    [Fact]
    public void Generate_GivesAboutTheRequestedNumberInTheGivenCommunities()
    {
        var people = Generate(20_000);

        people.Count.ShouldBeInRange(19_900, 20_100);
        people.Select(p => p.RegionCode).Distinct().Order().ShouldBe(Communities.Select(c => c.Code).Order());
    }

    [Fact]
    public void Generate_IdentityNumbersAreValidUniqueAndAgreeWithSexAndBirthDate()
    {
        var people = Generate(20_000);

        people.Select(p => p.DocumentNumber).Distinct().Count().ShouldBe(people.Count);
        foreach (var p in people)
        {
            IdNumber.TryParse(p.DocumentNumber, out var id, out var error).ShouldBeTrue(error);
            id.AddressCode.ShouldBe("220204");
            id.Sex.ShouldBe(p.Sex);
            id.BirthDate.ShouldBe(p.BirthDate!.Value);
        }
    }

    [Fact]
    public void Generate_AgeAndHouseholdMixIsCensusLike()
    {
        var people = Generate(50_000);
        var reference = new DateOnly(2022, 3, 1);
        double Share(Func<int, bool> band) => people.Count(p => band(reference.Year - p.BirthDate!.Value.Year)) / (double)people.Count;

        Share(a => a < 15).ShouldBeInRange(0.07, 0.18);
        Share(a => a >= 60).ShouldBeInRange(0.17, 0.32);
        var households = people.GroupBy(p => p.HouseholdNo).ToList();
        households.Average(h => h.Count()).ShouldBeInRange(2.1, 2.7);
        households.Count(h => h.Select(p => p.Compound + "/" + p.Building + "/" + p.Unit + "/" + p.Room).Distinct().Count() != 1).ShouldBe(0);
    }

    [Fact]
    public void Generate_VillagersLiveInGroupsAndTownspeopleInBuildings()
    {
        var people = Generate(5_000);

        people.Where(p => p.RegionCode == "220204100200").ShouldAllBe(p => p.Building == null && p.Compound!.StartsWith("大绥河村"));
        people.Where(p => p.RegionCode == "220204003001").ShouldAllBe(p => p.Building!.EndsWith("号楼") && p.Unit!.EndsWith("单元"));
    }

    [Fact]
    public void Generate_SameSeed_SamePeople()
    {
        Generate(2_000, seed: 3).ShouldBe(Generate(2_000, seed: 3));
    }
}
