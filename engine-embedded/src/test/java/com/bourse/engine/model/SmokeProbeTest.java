package com.bourse.engine.model;
import net.jqwik.api.*;
class SmokeProbeTest {
    @Property(tries = 5) void runs(@ForAll long seed) { }
}
