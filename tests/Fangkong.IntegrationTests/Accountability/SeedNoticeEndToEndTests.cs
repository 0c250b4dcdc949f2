using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.Accountability;

/// <summary>
/// The "done when": the matters of seed 000 entered as decided cases by the city's
/// inspector, composed into a notice; every person, post and measure of the seed is in it, matter
/// by matter in the seed's order, in every export (text, HTML, DOCX, PDF).
/// </summary>
public sealed class SeedNoticeEndToEndTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Seed000_DecidedCases_ComposeIntoNoticeWithEveryPersonPostAndMeasureInOrder(DatabaseProvider provider)
    {
        await using var host = await AccountabilityWorld.StartAsync(provider);
        using var client = await host.ClientAsync("jijian");
        var ids = new List<long>();
        foreach (var matter in SeedNotice000.Matters)
        {
            var id = await AccountabilityWorld.CreateAsync(client, SeedNotice000.Command(matter));
            await AccountabilityWorld.DecideAsync(client, id);
            ids.Add(id);
        }

        SeedNotice000.Matters.Sum(m => m.People.Length).ShouldBe(11);
        using var composed = await client.PostAsJsonAsync("/api/v1/notices", new { issuingBody = "吉林市纪委监委", issuedOn = "2022-04-09", caseIds = ids });
        var body = await composed.Content.ReadAsStringAsync();
        composed.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var noticeId = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();

        var matters = JsonDocument.Parse(body).RootElement.GetProperty("document").GetProperty("matters").EnumerateArray().Select(m => m.GetString()!).ToList();
        matters.Count.ShouldBe(6);
        for (var i = 0; i < matters.Count; i++)
        {
            foreach (var person in SeedNotice000.Matters[i].People)
            {
                matters[i].ShouldContain(person.Post + person.Name, customMessage: $"matter {i + 1}");
                matters[i].ShouldContain(person.Name + "负有" + person.Responsibility + "，受到", customMessage: $"matter {i + 1}");
                matters[i].ShouldContain(person.Published, customMessage: $"matter {i + 1}: {person.Name}");
            }
        }

        var text = await DownloadTextAsync(client, noticeId, "txt");
        text.ShouldContain("11名党员干部及公职人员");
        text.ShouldContain("吉林市纪委监委");
        text.ShouldContain("2022年4月9日");
        AssertEveryPersonInOrder(text, "txt");
        AssertEveryPersonInOrder(await DownloadTextAsync(client, noticeId, "html"), "html");

        var docx = await DownloadAsync(client, noticeId, "docx", Fangkong.Web.Apis.NoticesApi.DocxType);
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var paragraphs = word.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
            AssertEveryPersonInOrder(string.Join('\n', paragraphs), "docx");
        }

        var pdf = await DownloadAsync(client, noticeId, "pdf", "application/pdf");
        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        // The text drawn with the embedded CJK font, read back through its ToUnicode table.
        var pdfText = PdfText.Extract(pdf);
        AssertEveryPersonInOrder(pdfText, "pdf");
        // Digits and Western quotes are set in the Latin face (the CJK one lacks them) and read back too.
        var flat = pdfText.Replace("\n", string.Empty, StringComparison.Ordinal);
        flat.ShouldContain("11名党员干部");
        flat.ShouldContain("“黄码”“绿码”");
        flat.ShouldContain("2022年4月9日");
        flat.ShouldNotContain("\uFFFD");
    }

    /// <summary>Every person of the seed with their post and measure, matter after matter in the seed's order.</summary>
    private static void AssertEveryPersonInOrder(string text, string format)
    {
        var flat = text.Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);
        var previous = -1;
        foreach (var (matter, number) in SeedNotice000.Matters.Select((m, i) => (m, i + 1)))
        {
            var start = flat.IndexOf(matter.People[0].Name, StringComparison.Ordinal);
            start.ShouldBeGreaterThan(previous, $"{format}: matter {number} ({matter.People[0].Name}) comes after matter {number - 1}");
            foreach (var person in matter.People)
            {
                flat.ShouldContain(person.Post + person.Name, customMessage: format);
                var sentence = person.Name + "负有" + person.Responsibility + "，受到";
                var at = flat.IndexOf(sentence, start, StringComparison.Ordinal);
                at.ShouldBeGreaterThan(-1, $"{format}: {person.Name}'s responsibility in matter {number}");
                flat.IndexOf(person.Published, at, StringComparison.Ordinal).ShouldBeGreaterThan(at, $"{format}: {person.Name}'s measure");
            }

            previous = start;
        }
    }

    private static async Task<string> DownloadTextAsync(HttpClient client, long id, string format) =>
        Encoding.UTF8.GetString(await DownloadAsync(client, id, format, format == "txt" ? "text/plain" : "text/html"));

    private static async Task<byte[]> DownloadAsync(HttpClient client, long id, string format, string contentType)
    {
        using var response = await client.GetAsync(new Uri($"/api/v1/notices/{id}/notice.{format}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, format);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
