namespace Fangkong.Common.Input;

/// <summary>
/// A value that no column may hold reached a save: the last line of defence behind the request
/// and import checks. The web host answers it 400 naming <see cref="Error"/>'s field; nothing is stored.
/// </summary>
public sealed class InputRejectedException(Error error) : Exception(error?.Message)
{
    public Error Error { get; } = error ?? throw new ArgumentNullException(nameof(error));
}
