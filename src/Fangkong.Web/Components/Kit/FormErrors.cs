using System.Reflection;
using Fangkong.Common;
using Fangkong.Common.Input;
using Microsoft.AspNetCore.Components.Forms;

namespace Fangkong.Web.Components.Kit;

/// <summary>
/// Puts a use case's <see cref="Error"/> into a form's <see cref="EditContext"/>: next to the field it
/// names when the form's model has a property of that name (case-insensitive, as the domain names
/// fields in camelCase), otherwise in the form's summary (<see cref="FormSummary"/>). The page shows
/// the error it was given, never text from the address.
/// </summary>
public static class FormErrors
{
    private const string ErrorKey = "fangkong.form-error";
    private const string ShownKey = "fangkong.form-fields";

    /// <summary>Shows <paramref name="error"/> on the form; the summary then also sets the page's HTTP status from its kind.</summary>
    public static void ShowError(this EditContext context, Error error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        var store = new ValidationMessageStore(context);
        store.Add(FieldOf(context.Model, error.Field), error.Message);
        context.Properties[ErrorKey] = error;
        context.NotifyValidationStateChanged();
    }

    /// <summary>
    /// The same input guard as the API's (text, numbers, dates within bounds) on every property of the
    /// form's model; false, with the first bad field's error on the form, when one is refused.
    /// </summary>
    /// <param name="model">The posted model when it is not the form's own (a row form shows a fresh model for other rows).</param>
    public static bool PassesInputGuard(this EditContext context, TimeProvider time, object? model = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(time);
        if (InputGuard.Check(string.Empty, model ?? context.Model, [], time.GetUtcNow()) is { } error)
        {
            context.ShowError(error);
            return false;
        }

        return true;
    }

    /// <summary>The error <see cref="ShowError"/> put on the form, if any.</summary>
    public static Error? ShownError(this EditContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Properties.TryGetValue(ErrorKey, out var error) ? error as Error : null;
    }

    /// <summary>Records that the form shows <paramref name="field"/>'s messages next to it (a <see cref="Field{TValue}"/> does).</summary>
    public static void MarkShown(this EditContext context, FieldIdentifier field)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Properties.TryGetValue(ShownKey, out var value) || value is not HashSet<string> shown)
        {
            shown = new HashSet<string>(StringComparer.Ordinal);
            context.Properties[ShownKey] = shown;
        }

        shown.Add(field.FieldName);
    }

    /// <summary>
    /// The messages the summary shows: those of no field, and the shown error's when its field has no
    /// <see cref="Field{TValue}"/> on the form (a hidden id, a field the form does not have).
    /// </summary>
    public static IReadOnlyList<string> SummaryMessages(this EditContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messages = context.GetValidationMessages(SummaryField(context.Model)).ToList();
        if (context.ShownError() is { } error && FieldOf(context.Model, error.Field) is { FieldName.Length: > 0 } field
            && !(context.Properties.TryGetValue(ShownKey, out var value) && value is HashSet<string> shown && shown.Contains(field.FieldName)))
        {
            messages.Add(error.Message);
        }

        return messages;
    }

    /// <summary>The model-level field: messages there belong to no input and show in the summary.</summary>
    public static FieldIdentifier SummaryField(object model) => new(model, string.Empty);

    /// <summary>The model property the domain's field name stands for, the plain field of that name, or the summary field.</summary>
    public static FieldIdentifier FieldOf(object model, string? field)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (string.IsNullOrWhiteSpace(field))
        {
            return SummaryField(model);
        }

        // A field the model has no property for is a plain posted field (PostedFields): its message shows
        // under a FieldMessage of that name, or in the summary when the form shows none.
        var property = model.GetType().GetProperty(field, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return new FieldIdentifier(model, property?.Name ?? field);
    }
}
