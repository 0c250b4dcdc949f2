namespace Fangkong.Common.Input;

/// <summary>A date of something that already happened (a swab, a report): not in the future. See <see cref="PlausibleDates"/>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class HappenedAttribute : Attribute;

/// <summary>A text of several lines (notes, facts): line breaks and tabs are kept. Others are one line.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MultiLineAttribute : Attribute;

/// <summary>
/// A value the handler judges itself and never stores (a return URL that is replaced by the home
/// page when it is not a safe local path): the guard lets it through rather than refuse the request.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class RawInputAttribute : Attribute;
