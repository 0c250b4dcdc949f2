using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace Fangkong.IntegrationTests.Web.Forms;

/// <summary>
/// The app's pages, read from its components (not listed by hand): a page added tomorrow is in every
/// test that walks them. A route's parameters get "1", a value every constraint here accepts.
/// </summary>
internal static partial class FormPages
{
    public sealed record Page(Type Component, string Url, IReadOnlyList<string> FormNames);

    public static IReadOnlyList<Page> All { get; } =
        [.. typeof(Fangkong.Web.FangkongWebApp).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Take(1).Select(r => new Page(t, UrlFor(r.Template), FormNamesOf(t))))
            .OrderBy(p => p.Url, StringComparer.Ordinal)];

    /// <summary>Pages that post a form to themselves: a model supplied from the form.</summary>
    public static IReadOnlyList<Page> WithForms => [.. All.Where(p => p.FormNames.Count > 0)];

    private static string UrlFor(string template) => RouteParameter().Replace(template, "1");

    /// <summary>Each form model's form name; a model without one (row forms named per row) takes any, so a made-up name.</summary>
    private static List<string> FormNamesOf(Type page) =>
        [.. page.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => p.GetCustomAttribute<SupplyParameterFromFormAttribute>())
            .OfType<SupplyParameterFromFormAttribute>()
            .Select(a => a.FormName ?? "row-1")
            .Distinct()];

    [GeneratedRegex("\\{[^}]+\\}")]
    private static partial Regex RouteParameter();
}
