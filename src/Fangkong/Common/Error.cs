namespace Fangkong.Common;

/// <summary>Kinds of expected failure; the web host maps each to one HTTP status.</summary>
public enum ErrorKind
{
    Invalid,
    NotFound,
    Conflict,
    Forbidden,

    /// <summary>Too many requests of a limited kind (number searches) in the current window.</summary>
    TooManyRequests,
}

/// <summary>
/// An expected failure: what kind, which field or row (if any), and a text for people. The text is a
/// stable code with arguments (<see cref="ErrorText"/>), rendered in the reader's language at the edge.
/// </summary>
public sealed record Error(ErrorKind Kind, ErrorText Text, string? Field = null)
{
    /// <summary>A failure whose message is fixed text, not yet coded (see tools/extract-error-texts.py).</summary>
    public Error(ErrorKind kind, string message, string? field = null)
        : this(kind, ErrorText.Plain(message), field)
    {
    }

    /// <summary>The stable code a client can act on (a key of tools/texts.tsv), or null for fixed text.</summary>
    public string? Code => Text.Code;

    /// <summary>
    /// The text in the current UI culture: English for "en", Chinese otherwise, never both, so a web
    /// request, a form and the console each read their own language.
    /// </summary>
    public string Message => Text.Render();

    public static Error Invalid(string field, ErrorText text) => new(ErrorKind.Invalid, text, field);

    public static Error NotFound(ErrorText text) => new(ErrorKind.NotFound, text);

    public static Error Conflict(ErrorText text) => new(ErrorKind.Conflict, text);

    public static Error Forbidden(ErrorText text) => new(ErrorKind.Forbidden, text);

    public static Error TooManyRequests(ErrorText text) => new(ErrorKind.TooManyRequests, text);

    public static Error Invalid(string field, string message) => new(ErrorKind.Invalid, message, field);

    public static Error NotFound(string message) => new(ErrorKind.NotFound, message);

    public static Error Conflict(string message) => new(ErrorKind.Conflict, message);

    public static Error Forbidden(string message) => new(ErrorKind.Forbidden, message);

    public static Error TooManyRequests(string message) => new(ErrorKind.TooManyRequests, message);
}
