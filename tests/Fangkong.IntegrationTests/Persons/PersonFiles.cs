using System.Globalization;
using System.Text;
using Fangkong.Data;
using Fangkong.Persons;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Regions;
using Fangkong.Tests;

namespace Fangkong.IntegrationTests.Persons;

/// <summary>Test helpers: a few real regions of 船营区, valid ID numbers and temporary CSV files.</summary>
internal static class PersonFiles
{
    public const string Header = "id_number,name,sex,birth_date,phone,region_code,compound,building,unit,room,household_no";

    /// <summary>A valid resident ID of 船营区 for a birth date and a sequence (odd = male).</summary>
    public static string Id(string birth, int sequence) => TestIdNumbers.For("220204", birth, sequence);

    public static async Task SeedRegionsAsync(FangkongDbContext db)
    {
        db.Regions.AddRange(
            new Region(RegionCode.Parse("22"), "吉林省"),
            new Region(RegionCode.Parse("2202"), "吉林市"),
            new Region(RegionCode.Parse("220204"), "船营区"),
            new Region(RegionCode.Parse("220204003"), "大东街道"),
            new Region(RegionCode.Parse("220204003001"), "吉源社区"),
            new Region(RegionCode.Parse("220204003002"), "松北一区社区"),
            new Region(RegionCode.Parse("220204100"), "大绥河镇"),
            new Region(RegionCode.Parse("220204100200"), "大绥河村"));
        await db.SaveChangesAsync();
    }

    public static string Write(params string[] lines) => TempCsv.Write(lines);
}
