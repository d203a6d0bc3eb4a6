package org.rnnautograder.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.assignment.Submissions;

/**
 * Main class of the child JVM that runs untrusted student code. Arguments: the submission's compiled
 * classes directory and the per-call output cap in characters.
 *
 * <p>It keeps the real stdout for the protocol (one JSON message per line), points System.out and
 * System.err at an {@link OutputCapture}, gives student code an empty System.in, loads the submission
 * in a class loader named {@value RemoteError#STUDENT_LOADER} with {@link Submissions#load(ClassLoader)},
 * says hello, then serves one {@link CallRequest} per stdin line until stdin closes. It halts when its
 * parent process dies, even if student code is stuck.
 */
public final class SandboxChild {
    private SandboxChild() {}

    /** Runs the child; see the class comment. Never returns normally: ends with System.exit. */
    public static void main(String[] args) throws IOException {
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(70)));
        ObjectMapper mapper = Wire.mapper();
        ChildChannel channel = new ChildChannel(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)),
                mapper);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        OutputCapture capture = new OutputCapture(channel, Integer.parseInt(args[1]));
        PrintStream studentOut = new PrintStream(capture, true, StandardCharsets.UTF_8);
        System.setOut(studentOut);
        System.setErr(studentOut);
        System.setIn(new ByteArrayInputStream(new byte[0]));

        ChildDispatcher dispatcher;
        capture.beginCall(0);
        try {
            URLClassLoader loader = new URLClassLoader(RemoteError.STUDENT_LOADER,
                    new URL[] {Path.of(args[0]).toUri().toURL()}, SandboxChild.class.getClassLoader());
            Submission submission = Submissions.load(loader);
            dispatcher = new ChildDispatcher(mapper, submission);
        } catch (Throwable t) {
            capture.endCall();
            channel.send(ChildMessage.helloFailed(RemoteError.of(t, null, false)));
            System.exit(0);
            return;
        }
        capture.endCall();
        channel.send(ChildMessage.hello());

        String line;
        while ((line = in.readLine()) != null) {
            CallRequest request;
            try {
                request = mapper.readValue(line, CallRequest.class);
            } catch (IOException e) {
                channel.send(ChildMessage.failed(-1, RemoteError.of(e, null, true)));
                continue;
            }
            capture.beginCall(request.id());
            ChildMessage reply;
            try {
                reply = dispatcher.serve(request);
            } catch (StackOverflowError e) {
                reply = ChildMessage.failed(request.id(), RemoteError.of(e, null, false));
            }
            capture.endCall();
            channel.send(reply);
        }
        System.exit(0);
    }
}
