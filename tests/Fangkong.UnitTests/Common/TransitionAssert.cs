using Fangkong.Common;

namespace Fangkong.UnitTests.Common;

/// <summary>The outcome of one step of a state machine, as the table-driven state machine tests state it.</summary>
internal static class TransitionAssert
{
    /// <summary>
    /// An allowed step (<paramref name="expected"/> given) succeeds and leaves that state; a refused one
    /// (<paramref name="expected"/> null) is a conflict that leaves the state as it was.
    /// </summary>
    public static void ShouldLeave<TState>(Error? error, TState state, TState from, TState? expected)
        where TState : struct, Enum
    {
        if (expected is null)
        {
            error.ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
            state.ShouldBe(from);
        }
        else
        {
            error.ShouldBeNull();
            state.ShouldBe(expected.Value);
        }
    }
}
