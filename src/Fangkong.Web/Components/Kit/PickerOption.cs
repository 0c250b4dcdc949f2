namespace Fangkong.Web.Components.Kit;

/// <summary>One choice of a <see cref="NamePicker"/>: the id the form posts and the name people read.</summary>
public sealed record PickerOption(string Value, string Label);
