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

/// <summary>An expected failure: what kind, which field or row (if any), and a message for people.</summary>
public sealed record Error(ErrorKind Kind, string Message, string? Field = null)
{
    public static Error Invalid(string field, string message) => new(ErrorKind.Invalid, message, field);

    public static Error NotFound(string message) => new(ErrorKind.NotFound, message);

    public static Error Conflict(string message) => new(ErrorKind.Conflict, message);

    public static Error Forbidden(string message) => new(ErrorKind.Forbidden, message);

    public static Error TooManyRequests(string message) => new(ErrorKind.TooManyRequests, message);
}
