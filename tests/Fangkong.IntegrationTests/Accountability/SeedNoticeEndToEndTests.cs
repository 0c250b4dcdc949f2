using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.Accountability;

/// <summary>
/// The "done when": the six matters of seed 000 entered through the API as decided cases by
/// the city's inspector and composed into a notice with the default title, opening and closing. Each
/// matter's paragraph is the seed's, sentence for sentence (whitespace aside), and so is every export
/// (text, HTML, DOCX, PDF).
/// </summary>
public sealed class SeedNoticeEndToEndTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Seed000_EnteredThroughTheApi_GivesTheSeedsParagraphsMatterByMatter(DatabaseProvider provider)
    {
        await using var host = await AccountabilityWorld.StartAsync(provider);
        using var client = await host.ClientAsync("jijian");
        var noticeId = await ComposeSeedAsync(client);
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/notices/{noticeId}");
        var document = view.GetProperty("document");
        var matters = document.GetProperty("matters").EnumerateArray().Select(m => m.GetString()!).ToList();
        matters.Count.ShouldBe(6);
        SeedNotice000.Matters.Sum(m => m.People.Length).ShouldBe(11);
        for (var i = 0; i < matters.Count; i++)
        {
            var numeral = "一二三四五六"[i] + "、";
            matters[i].ShouldStartWith(numeral);
            // Sentence by sentence, so that a failure names the sentence that differs.
            var generated = Sentences(SeedNotice000.Flat(matters[i][numeral.Length..]));
            var seed = Sentences(SeedNotice000.Flat(SeedNotice000.Matters[i].Seed));
            generated.ShouldBe(seed, $"matter {i + 1}");
        }

        // Two matters are not 履职不力 (下沉, 瞒报): the title and opening say "履职不力等", as the seed does.
        document.GetProperty("title").GetString().ShouldBe("关于疫情防控工作中11名党员干部及公职人员履职不力等典型问题的通报");
        // The opening is the seed's four sentences, less the outcome it claims (a default cannot claim it).
        document.GetProperty("opening").GetString().ShouldBe(SeedNotice000.Opening.Replace("，终于实现社会面清零目标", string.Empty, StringComparison.Ordinal));
        document.GetProperty("closing").GetString().ShouldBe(SeedNotice000.Closing);

        var text = await DownloadTextAsync(client, noticeId, "txt");
        text.ShouldContain("2022年4月9日");
        AssertEverySeedParagraph(text, "txt");
        AssertEverySeedParagraph(await DownloadTextAsync(client, noticeId, "html"), "html");

        var docx = await DownloadAsync(client, noticeId, "docx", Fangkong.Web.Apis.NoticesApi.DocxType);
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var paragraphs = word.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
            AssertEverySeedParagraph(string.Join('\n', paragraphs), "docx");
        }

        var pdf = await DownloadAsync(client, noticeId, "pdf", "application/pdf");
        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        // The text drawn with the embedded fonts, read back through their ToUnicode tables; the page
        // numbers at the feet ("— 1 —") fall between a paragraph's lines when it runs over a page.
        var pdfText = PdfText.Extract(pdf);
        pdfText.ShouldNotContain("\uFFFD");
        AssertEverySeedParagraph(PdfText.WithoutPageNumbers(pdfText), "pdf");
    }

    /// <summary>Enters the seed's matters, decides them and composes the notice with the defaults; returns its id.</summary>
    internal static async Task<long> ComposeSeedAsync(HttpClient client)
    {
        var ids = new List<long>();
        foreach (var matter in SeedNotice000.Matters)
        {
            var id = await AccountabilityWorld.CreateAsync(client, SeedNotice000.Command(matter));
            await AccountabilityWorld.DecideAsync(client, id);
            ids.Add(id);
        }

        using var composed = await client.PostAsJsonAsync("/api/v1/notices", new { issuingBody = "吉林市纪委监委", issuedOn = "2022-04-09", caseIds = ids });
        var body = await composed.Content.ReadAsStringAsync();
        composed.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    private static List<string> Sentences(string text) =>
        [.. text.Split('。', StringSplitOptions.RemoveEmptyEntries).Select(s => s + "。")];

    /// <summary>Every matter's paragraph as the seed prints it, in the seed's order.</summary>
    private static void AssertEverySeedParagraph(string text, string format)
    {
        var flat = SeedNotice000.Flat(text);
        var previous = -1;
        foreach (var (matter, number) in SeedNotice000.Matters.Select((m, i) => (m, i + 1)))
        {
            var at = flat.IndexOf(SeedNotice000.Flat(matter.Seed), StringComparison.Ordinal);
            at.ShouldBeGreaterThan(previous, $"{format}: matter {number} as the seed words it, after matter {number - 1}");
            previous = at;
        }
    }

    private static async Task<string> DownloadTextAsync(HttpClient client, long id, string format) =>
        Encoding.UTF8.GetString(await DownloadAsync(client, id, format, format == "txt" ? "text/plain" : "text/html"));

    internal static async Task<byte[]> DownloadAsync(HttpClient client, long id, string format, string contentType)
    {
        using var response = await client.GetAsync(new Uri($"/api/v1/notices/{id}/notice.{format}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, format);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
