using System.Globalization;
using Fangkong.Persons;

namespace Fangkong.Demo;

/// <summary>
/// A synthetic but plausible population of real communities: households of census-like sizes
/// (Jilin 2020: 1 person 26 %, 2 35 %, 3 24 %, 4 9 %, 5+ 6 %, mean ≈ 2.4), ages that give
/// about 12 % under 15 and 23 % aged 60+, living in compounds, buildings, units and rooms of
/// urban communities, or in the groups (组) of villages. Identity numbers are valid GB 11643
/// numbers of the county. Deterministic for a given seed.
/// </summary>
public sealed class DemoPopulation
{
    private static readonly DateOnly ReferenceDate = new(2022, 3, 1);
    private static readonly string[] CompoundSuffixes = ["小区", "花园", "家园", "新村", "嘉园", "雅苑"];
    private static readonly string[] VillageGroups = ["一组", "二组", "三组", "四组", "五组", "六组", "七组", "八组"];

    private readonly Random _random;
    private readonly string _countyCode;
    private readonly Dictionary<DateOnly, int> _sequenceByBirthDate = [];
    private string[]? _birthCounties;
    private readonly HashSet<string> _phones = new(StringComparer.Ordinal);

    /// <param name="countyCode">The 6-digit county whose address code the identity numbers carry.</param>
    public DemoPopulation(string countyCode, int seed = 2022)
    {
        _countyCode = countyCode;
        _random = new Random(seed);
    }

    /// <summary>A community or village to populate.</summary>
    public sealed record Community(string Code, string Name)
    {
        /// <summary>In statistical codes, 001–199 are urban residents' committees, 200+ village committees.</summary>
        public bool IsVillage => int.Parse(Code.AsSpan(9), CultureInfo.InvariantCulture) >= 200;
    }

    /// <summary>Generates about <paramref name="total"/> residents spread over <paramref name="communities"/>.</summary>
    public IEnumerable<PersonRow> Generate(IReadOnlyList<Community> communities, int total)
    {
        // Urban communities are denser than villages; sizes vary within each kind.
        var weights = communities.Select(c => (c.IsVillage ? 0.35 : 1.0) * (0.6 + _random.NextDouble())).ToArray();
        var sum = weights.Sum();
        for (var i = 0; i < communities.Count; i++)
        {
            var target = (int)Math.Round(total * weights[i] / sum);
            foreach (var person in Populate(communities[i], target))
            {
                yield return person;
            }
        }
    }

    private IEnumerable<PersonRow> Populate(Community community, int target)
    {
        var placed = 0;
        var household = 0;
        var dwellings = community.IsVillage ? VillageHouses(community) : UrbanFlats(community);
        using var dwelling = dwellings.GetEnumerator();
        while (placed < target && dwelling.MoveNext())
        {
            household++;
            var householdNo = string.Create(CultureInfo.InvariantCulture, $"{community.Code}{household:D5}");
            var (compound, building, unit, room) = dwelling.Current;
            foreach (var (sex, birth) in Household(HouseholdSize()))
            {
                var id = NextIdNumber(birth, sex);
                var phone = Age(birth) >= 12 ? NextPhone() : null;
                yield return new PersonRow(
                    DocumentType.ResidentId, id, ChineseNames.Next(_random, sex == Sex.Male), sex, birth, phone,
                    community.Code, compound, building, unit, room, householdNo, HealthCode.Green);
                placed++;
            }
        }
    }

    private IEnumerable<(string Compound, string? Building, string? Unit, string Room)> UrbanFlats(Community community)
    {
        var stem = community.Name.Replace("社区", string.Empty, StringComparison.Ordinal);
        for (var c = 0; ; c++)
        {
            var compound = c < CompoundSuffixes.Length
                ? stem + CompoundSuffixes[c]
                : string.Create(CultureInfo.InvariantCulture, $"{stem}{c + 1}期小区");
            var buildings = _random.Next(6, 25);
            for (var b = 1; b <= buildings; b++)
            {
                var units = _random.Next(2, 7);
                var floors = _random.Next(5, 19);
                for (var u = 1; u <= units; u++)
                {
                    for (var f = 1; f <= floors; f++)
                    {
                        for (var r = 1; r <= 2; r++)
                        {
                            yield return (compound, $"{b}号楼", $"{u}单元", string.Create(CultureInfo.InvariantCulture, $"{f}{r:D2}"));
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<(string Compound, string? Building, string? Unit, string Room)> VillageHouses(Community community)
    {
        for (var g = 0; ; g++)
        {
            var group = g < VillageGroups.Length
                ? community.Name + VillageGroups[g]
                : string.Create(CultureInfo.InvariantCulture, $"{community.Name}{g + 1}组");
            for (var house = 1; house <= 80; house++)
            {
                yield return (group, null, null, string.Create(CultureInfo.InvariantCulture, $"{house}号"));
            }
        }
    }

    private int HouseholdSize()
    {
        var x = _random.NextDouble();
        return x switch
        {
            < 0.26 => 1,
            < 0.61 => 2,
            < 0.85 => 3,
            < 0.94 => 4,
            < 0.98 => 5,
            _ => 6,
        };
    }

    /// <summary>Members of a household as (sex, birth date): a head, a partner, children, grandparents.</summary>
    private IEnumerable<(Sex Sex, DateOnly Birth)> Household(int size)
    {
        // Single-person and couple households lean old in Jilin; families with children have a head aged 25–55.
        var headAge = size switch
        {
            1 => _random.Next(18, 92),
            2 => _random.NextDouble() < 0.55 ? _random.Next(50, 90) : _random.Next(22, 60),
            _ => _random.Next(26, 56),
        };
        var headSex = _random.NextDouble() < 0.5 ? Sex.Male : Sex.Female;
        yield return (headSex, BirthDate(headAge));
        var members = 1;
        var single = size == 2 && _random.NextDouble() < 0.2;
        if (size >= 2 && !single)
        {
            yield return (headSex == Sex.Male ? Sex.Female : Sex.Male, BirthDate(Math.Max(18, headAge + _random.Next(-4, 5))));
            members++;
        }

        var grandparents = size >= 5 ? 2 : size == 4 && _random.NextDouble() < 0.4 ? 1 : 0;
        for (var i = 0; i < grandparents && members < size; i++, members++)
        {
            yield return (i == 0 ? Sex.Male : Sex.Female, BirthDate(Math.Min(95, headAge + _random.Next(24, 32))));
        }

        while (members < size)
        {
            var childAge = Math.Max(0, headAge - _random.Next(22, 36));
            yield return (_random.NextDouble() < 0.51 ? Sex.Male : Sex.Female, BirthDate(childAge));
            members++;
        }
    }

    private DateOnly BirthDate(int age) => ReferenceDate.AddYears(-age).AddDays(-_random.Next(0, 365));

    private static int Age(DateOnly birth) => ReferenceDate.Year - birth.Year;

    /// <summary>
    /// The counties of Jilin City: an identity number carries the county where the birth was
    /// registered, so residents of one district hold numbers of its neighbours too.
    /// </summary>
    private static readonly string[] BirthCounties = ["220202", "220203", "220204", "220211", "220221", "220281", "220282", "220283", "220284"];

    /// <summary>Numbers one county gives per birth date here: sequences 010–999, one parity per sex.</summary>
    private const int PerCountyAndDate = 495;

    private string NextIdNumber(DateOnly birth, Sex sex)
    {
        // Sequence numbers are unique per county and birth date; odd for men, even for women (GB 11643).
        // A county has 495 per date for each sex here: at city size (10 million in one district) the
        // most common birth dates need more, so they continue with the other counties of the city.
        var n = _sequenceByBirthDate.GetValueOrDefault(birth);
        _sequenceByBirthDate[birth] = n + 1;
        var counties = _birthCounties ??= [_countyCode, .. BirthCounties.Where(c => c != _countyCode && _countyCode.StartsWith(c[..4], StringComparison.Ordinal))];
        if (n / PerCountyAndDate >= counties.Length)
        {
            throw new InvalidOperationException($"Too many people born on {birth} for the city's sequence numbers.");
        }

        var sequence = (n % PerCountyAndDate) * 2 + (sex == Sex.Male ? 1 : 0) + 10;
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{counties[n / PerCountyAndDate]}{birth:yyyyMMdd}{sequence:D3}");
        return first17 + IdNumber.CheckCharacter(first17);
    }

    private string NextPhone()
    {
        string phone;
        do
        {
            phone = string.Create(CultureInfo.InvariantCulture, $"1{"3578"[_random.Next(4)]}{_random.Next(0, 10)}{_random.Next(0, 100_000_000):D8}");
        }
        while (!_phones.Add(phone));
        return phone;
    }
}
