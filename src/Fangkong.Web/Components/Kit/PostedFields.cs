using System.Globalization;
using Fangkong.Common;
using Fangkong.Common.Input;
using Microsoft.AspNetCore.Components.Forms;
using InputText = Fangkong.Common.Input.InputText;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Fangkong.Web.Components.Kit;

/// <summary>
/// The fields of a form whose inputs are plain named fields (rows of officials, ticked cases, an
/// inspection's plan) rather than a bound model. Every value read through it passes the API's input
/// guard (<see cref="InputText"/>, <see cref="InputNumbers"/>, <see cref="PlausibleDates"/>), and
/// <see cref="Refused"/> also checks every value posted, read or not: such a form cannot skip the guard.
/// It also gives back what was typed after a refusal (<see cref="Typed"/>), so that the page does not
/// show the stored values instead.
/// </summary>
/// <remarks>Pages read plain fields only through this class (a source test checks it).</remarks>
public sealed class PostedFields
{
    private readonly IFormCollection? _form;
    private readonly DateTimeOffset _now;
    private Error? _error;

    private PostedFields(IFormCollection? form, DateTimeOffset now)
    {
        _form = form;
        _now = now;
    }

    /// <summary>The fields of <paramref name="formName"/> when the request posted that form; otherwise empty (a read of the page, another form).</summary>
    public static PostedFields Of(HttpContext? http, TimeProvider time, string formName)
    {
        var posted = OfPost(http, time);
        return posted._form is not null && string.Equals(posted._form["_handler"], formName, StringComparison.Ordinal) ? posted : new PostedFields(null, posted._now);
    }

    /// <summary>The fields of whichever form the request posted (a row form whose handler knows its row); empty for a read.</summary>
    public static PostedFields OfPost(HttpContext? http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var form = http is not null && HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType ? http.Request.Form : null;
        return new PostedFields(form, time.GetUtcNow());
    }

    /// <summary>True when this form was the one posted.</summary>
    public bool IsPosted => _form is not null;

    /// <summary>The first value refused so far, if any.</summary>
    public Error? Error => _error;

    /// <summary>
    /// What the user typed in <paramref name="name"/> when this form was posted (and refused, since an
    /// accepted form redirects), otherwise <paramref name="stored"/>: a refused form keeps what was typed.
    /// </summary>
    public string? Typed(string name, string? stored = null) =>
        _form is not null && _form.ContainsKey(name) ? _form[name].ToString() : stored;

    /// <summary>True when the posted form had <paramref name="value"/> among <paramref name="name"/>'s values (a ticked box, a chosen option).</summary>
    public bool Chose(string name, string value, bool stored = false) =>
        _form is not null ? _form[name].Contains(value, StringComparer.Ordinal) : stored;

    /// <summary>A single-line text (no control characters), at most <paramref name="maxLength"/> characters; null when empty.</summary>
    public string? Text(string name, int maxLength = InputText.DefaultMaxLength) => Checked(name, One(name), maxLength, multiLine: false);

    /// <summary>A text of several lines: line breaks and tabs allowed, other control characters not.</summary>
    public string? Lines(string name, int maxLength = InputText.DefaultMultiLineMaxLength) => Checked(name, One(name), maxLength, multiLine: true);

    /// <summary>Every value of a field posted several times (rows, ticked boxes), each a single-line text.</summary>
    public IReadOnlyList<string> All(string name, int maxLength = InputText.DefaultMaxLength)
    {
        var values = _form?[name] ?? StringValues.Empty;
        return [.. values.Select(v => Checked(name, v, maxLength, multiLine: false)).OfType<string>()];
    }

    /// <summary>
    /// Every value of <paramref name="name"/> as posted, for a reader that takes the raw values (the
    /// notice's command, also read from the address): <see cref="Refused"/> still guards them.
    /// </summary>
    public StringValues Values(string name) => _form?[name] ?? StringValues.Empty;

    /// <summary>True when the form carries <paramref name="name"/> at all (a row of fields that exists).</summary>
    public bool Has(string name) => _form?.ContainsKey(name) == true;

    /// <summary>A day (yyyy-MM-dd) within the plausible dates: a fact that happened, or a plan.</summary>
    public DateOnly? Day(string name, bool happened)
    {
        var day = FormValues.Day(Text(name));
        return day is { } d && Keep(happened ? PlausibleDates.CheckHappened(name, d, _now) : PlausibleDates.CheckPlanned(name, d, _now)) ? d : null;
    }

    /// <summary>A China-local date and time (a datetime-local input) within the plausible dates.</summary>
    public DateTimeOffset? ChinaLocal(string name, bool happened)
    {
        var at = FormValues.ChinaLocal(Text(name));
        return at is { } a && Keep(happened ? PlausibleDates.CheckHappened(name, a, _now) : PlausibleDates.CheckPlanned(name, a, _now)) ? a : null;
    }

    /// <summary>A finite number within the bounds.</summary>
    public decimal? Number(string name, double min = double.MinValue, double max = double.MaxValue)
    {
        var text = Text(name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            Keep(Fangkong.Common.Error.Invalid(name, ErrorText.Of("error.common.finite-number", name, InputExcerpt.Of(text))));
            return null;
        }

        return Keep(InputNumbers.Check(name, value, min, max)) ? FormValues.Number(text) : null;
    }

    /// <summary>An id (digits only); a text that is not one is null, and the use case names the field.</summary>
    public long? Id(string name) => FormValues.Id(Text(name, 20));

    /// <summary>Ids posted several times (ticked rows), those that parse.</summary>
    public IReadOnlyList<long> Ids(string name) => [.. All(name, 20).Select(FormValues.Id).OfType<long>()];

    /// <summary>
    /// The guard of the whole form: every posted value, read or not, is free of control characters
    /// (line breaks allowed) and within the several-line length; then the first refused value read. When
    /// refused, the error is on <paramref name="form"/> (next to a <see cref="FieldMessage"/> of that name, or in the summary).
    /// </summary>
    public bool Refused(EditContext form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (_error is null && _form is not null)
        {
            foreach (var (name, values) in _form)
            {
                foreach (var value in values)
                {
                    if (!Keep(InputText.Check(name, value, InputText.DefaultMultiLineMaxLength, multiLine: true)))
                    {
                        break;
                    }
                }
            }
        }

        if (_error is null)
        {
            return false;
        }

        form.ShowError(_error);
        return true;
    }

    private string? One(string name) => _form is null ? null : _form[name].ToString();

    private string? Checked(string name, string? value, int maxLength, bool multiLine)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return Keep(InputText.Check(name, value, maxLength, multiLine)) ? value : null;
    }

    // Records the first refusal; true when the value passed.
    private bool Keep(Error? error)
    {
        if (error is null)
        {
            return true;
        }

        _error ??= error;
        return false;
    }
}
