using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Rules
{
    /// <summary>
    /// A forwarder of the code is followed in every form its call can take: a call in reduced (extension) form, a constructed
    /// generic method, a method and a constructor of a constructed generic type, a delegate type declared in the code. These
    /// calls' targets have no metadata token of their own, as the framework's do not either in their constructed forms: the
    /// analysis records the arguments of every call of source and of none of a referenced assembly's.
    /// </summary>
    public class ForwarderCallFormTests
    {
        [Fact]
        public Task ExtensionAndGenericForwardersAreJudgedAtTheirCallers() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
static class SocketSizes
{
    public static void ApplySize(this Socket socket, int size) => socket.ReceiveBufferSize = size;
    public static void ApplyTyped<T>(Socket socket, T unused, int size) => socket.SendBufferSize = size;
}
sealed class Holder<T>
{
    private readonly Socket _socket;
    public Holder(Socket socket, int size) { _socket = socket; _socket.ReceiveBufferSize = size; }
    public void Send(int size) => _socket.SendBufferSize = size;
}
static class Use
{
    public static void Open()
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        socket.ApplySize({|SOCK001:8192|});
        SocketSizes.ApplySize(socket, {|SOCK001:16384|});
        SocketSizes.ApplyTyped(socket, ""x"", {|SOCK002:32768|});
        var holder = new Holder<string>(socket, {|SOCK001:4096|});
        holder.Send({|SOCK002:65536|});
    }
}");

        [Fact]
        public Task ADelegateTypeOfTheCodeForwardsLikeTheFrameworksDelegates() => AnalyzerVerifier.VerifyAsync(@"
using System;
using System.Net.Sockets;
delegate void ApplySize(int size);
static class Use
{
    static void Open()
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        ApplySize own = size => socket.ReceiveBufferSize = size;
        own({|SOCK001:8192|});
        Action<int> framework = size => socket.SendBufferSize = size;
        framework({|SOCK002:16384|});
    }
}");

        [Fact]
        public Task AFrameworkMethodOfAForwardersNameIsNotItsCall() => AnalyzerVerifier.VerifyAsync(@"
using System.Collections.Generic;
using System.Net.Sockets;
sealed class Pool
{
    private readonly Socket _socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
    public void Add(int size) => _socket.ReceiveBufferSize = size;
}
static class Use
{
    static void Fill(Pool pool)
    {
        var numbers = new List<int>();
        numbers.Add(8192);
        pool.Add({|SOCK001:16384|});
    }
}");
    }
}
