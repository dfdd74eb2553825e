// The module's JS face: appended to the generated module (--post-js), so the
// page, the Node tests and anyone calling createWeightlab() get it. It wraps
// every export, class constructor, static, method and getter once the
// runtime is up, so that:
//
//   1. no user JS runs while WASM is on the stack: every argument is turned
//      into a plain value here, BEFORE the call (getters, Proxy traps and
//      typed-array getters run now, in JS; valueOf never runs: numbers must
//      be numbers);
//   2. no JS exception crosses WASM frames: C++ never throws out of a bound
//      function (js.hpp: it records the message in one slot and returns);
//      the face reads the slot (takeError) and throws `new Error(message)`
//      here, outside WASM;
//   3. objects are alive and ours when WASM sees them: `this` and every
//      Dataset argument must come from this engine instance and not be
//      deleted, checked after all argument conversion.
//
// Argument rules (one everywhere): a number is typeof 'number' (NaN and
// Infinity pass here; the core rejects them with its own message); an array
// of numbers is an Array of numbers or a typed array (not BigInt64Array),
// copied; bytes are a Uint8Array (any typed array, DataView or ArrayBuffer),
// read from their real buffer by their real byteLength (an own `length`
// property is ignored; a detached buffer is an error); an option object is
// read through its own properties into a fresh object.
//
// engine.run(problem): Emscripten's own Module.run is only needed before the
// runtime starts; the C++ binding is called runProblem and the face installs
// run(problem) once the runtime is up.
addOnPostRun(function installWeightlabFace() {
  'use strict';
  var M = Module;
  var takeError = M['takeError'];
  delete M['takeError'];
  var restoreStack = M['faceRestoresStack'] !== false;  // tests turn it off to prove C++ alone holds

  // ------------------------------------------------ intrinsics, captured once
  var TypedArray = Object.getPrototypeOf(Uint8Array);
  var getter = function (proto, key) { return Object.getOwnPropertyDescriptor(proto, key).get; };
  var taTag = getter(TypedArray.prototype, Symbol.toStringTag);
  var taLength = getter(TypedArray.prototype, 'length');
  var taBuffer = getter(TypedArray.prototype, 'buffer');
  var taByteOffset = getter(TypedArray.prototype, 'byteOffset');
  var taByteLength = getter(TypedArray.prototype, 'byteLength');
  var taSet = TypedArray.prototype.set;
  var dvBuffer = getter(DataView.prototype, 'buffer');
  var dvByteOffset = getter(DataView.prototype, 'byteOffset');
  var dvByteLength = getter(DataView.prototype, 'byteLength');
  var abByteLength = getter(ArrayBuffer.prototype, 'byteLength');
  var sabByteLength = typeof SharedArrayBuffer === 'function'
    ? getter(SharedArrayBuffer.prototype, 'byteLength') : null;
  var isArray = Array.isArray;
  var hasOwn = Object.prototype.hasOwnProperty;
  var isPrototypeOf = Object.prototype.isPrototypeOf;
  var Handle = Object.getPrototypeOf(M['Dataset'].prototype);  // Embind's ClassHandle.prototype
  var isDeleted = Handle.isDeleted;
  var handleDelete = Handle['delete'];
  var handleClone = Handle.clone;

  var limits = M['limits']();
  takeError();

  function fail(message) { throw new Error(message); }

  // Calls an intrinsic getter; undefined when `v` is not what it reads.
  function tryGet(get, v) {
    try { return get.call(v); } catch (e) { return undefined; }
  }
  function isDetached(buffer) {
    // (the value is used: Emscripten's optimizer drops a bare `new X()`)
    try { return !new Uint8Array(buffer, 0, 0); } catch (e) { return true; }
  }

  // --------------------------------------------------------- argument kinds
  // Each returns the plain value handed to C++, or throws an Error naming
  // the argument. All of them run before any WASM call.
  function number(v, name) {
    if (v === undefined) fail(name + ' is missing');
    if (typeof v !== 'number') fail(name + ' must be a number');
    return v;
  }
  function string(v, name) {
    if (typeof v !== 'string') fail(name + ' must be a string');
    return v;
  }
  // The real bytes under `v`: [buffer, byteOffset, byteLength], or null.
  function viewOf(v) {
    var tag = taTag.call(v);
    if (tag !== undefined) return [taBuffer.call(v), taByteOffset.call(v), taByteLength.call(v), tag];
    var buffer = tryGet(dvBuffer, v);
    if (buffer !== undefined) {  // (a detached DataView throws on its offset: zero, then caught as detached)
      var offset = tryGet(dvByteOffset, v);
      return offset === undefined ? [buffer, 0, 0, 'DataView'] : [buffer, offset, dvByteLength.call(v), 'DataView'];
    }
    var n = tryGet(abByteLength, v);
    if (n === undefined && sabByteLength) n = tryGet(sabByteLength, v);
    if (n !== undefined) return [v, 0, n, 'ArrayBuffer'];
    return null;
  }
  function detachedCheck(view, name) {
    if (isDetached(view[0])) fail(name + "'s buffer is detached (transferred or freed): pass the bytes again");
  }
  function bytes(v, name) {
    var view = viewOf(v);
    if (view === null) fail(name + ' must be a Uint8Array or an ArrayBuffer');
    detachedCheck(view, name);
    if (view[2] > limits.maxFileBytes) {
      fail(name + ' has ' + view[2] + ' bytes, more than the limit of ' + limits.maxFileBytes);
    }
    return new Uint8Array(view[0], view[1], view[2]);
  }
  function pixels(v, name) {
    var tag = taTag.call(v);
    if (tag !== 'Uint8Array' && tag !== 'Uint8ClampedArray') {
      fail(name + ' must be a Uint8Array or Uint8ClampedArray of canvas pixels');
    }
    var view = viewOf(v);
    detachedCheck(view, name);
    return new Uint8Array(view[0], view[1], view[2]);
  }
  function tooLong(n, name) {
    fail(name + ' has ' + n + ' numbers, more than the limit of ' + limits.maxArrayLength);
  }
  // element(x, i) may refine the message for a non-number element.
  function numbers(v, name, element) {
    if (v === undefined || v === null) fail(name + ' is missing');
    var tag = taTag.call(v);
    var out, n, i;
    if (tag !== undefined) {
      if (tag === 'BigInt64Array' || tag === 'BigUint64Array') {
        fail(name + ' must be an array of numbers (a ' + tag + ' holds BigInts)');
      }
      detachedCheck(viewOf(v), name);
      n = taLength.call(v);
      if (n > limits.maxArrayLength) tooLong(n, name);
      out = new Float64Array(n);
      taSet.call(out, v);
      return out;
    }
    if (!isArray(v)) fail(name + ' must be an array of numbers');
    n = v.length;
    if (n > limits.maxArrayLength) tooLong(n, name);
    out = new Float64Array(n);
    for (i = 0; i < n; i++) {
      var x = v[i];
      if (typeof x !== 'number') fail(element ? element(i) : name + '[' + i + '] must be a finite number');
      out[i] = x;
    }
    return out;
  }
  function optional(kind) {
    return function (v, name) { return v === undefined || v === null ? undefined : kind(v, name); };
  }
  var flags = function (v, name) {
    return numbers(v, name, function () { return name + ' must hold only 0 and 1'; });
  };
  // An option object: its own properties `fields` ({name: kind}) read once
  // into a fresh object with no prototype.
  function object(fields) {
    return function (v, name) {
      if (v === undefined) fail(name + ' is missing');
      if (typeof v !== 'object' || v === null) fail(name + ' must be an object');
      var out = Object.create(null);
      for (var key in fields) {
        var x = hasOwn.call(v, key) ? v[key] : undefined;
        var converted = fields[key](x, key);
        if (converted !== undefined) out[key] = converted;
      }
      return out;
    };
  }

  // Objects made by this engine instance (constructors, fromBytes, clone),
  // each with its class name. They are made non-extensible, so an own
  // property cannot shadow a getter (data.count stays the C++ count).
  var own = new WeakMap();
  function className(v) {
    try { return v.$$.ptrType.registeredClass.name; } catch (e) { return undefined; }
  }
  function handle(cls) {
    return function (v, name) {
      if (own.get(v) !== cls) {
        if (!own.has(v) && className(v) === cls) {
          fail(name + ' is a ' + cls + ' of another engine instance: each createWeightlab() has its own objects');
        }
        fail(name + ' must be a ' + cls);
      }
      return v;
    };
  }
  function requireLive(v, what) {
    if (isDeleted.call(v)) fail(what + ' has been deleted');
  }

  var problem = object({
    input: numbers, target: numbers, weights: numbers, alpha: number, iterations: number,
    frozen: optional(flags),
  });
  var range = object({ index: number, from: number, to: number, samples: number });
  var grid = object({
    x: number, y: number, xFrom: number, xTo: number, yFrom: number, yTo: number, nx: number, ny: number,
  });
  var dataset = handle('Dataset');
  var input784 = function (v, name) {
    if (v === undefined || v === null || (taTag.call(v) === undefined && !isArray(v))) {
      fail(name + ' must be an array of 784 numbers');
    }
    return numbers(v, name);
  };

  // ------------------------------------------------------------ the calls
  // params: [[name, kind], ...]. Converts all, then checks liveness, then calls.
  function convert(args, params, what) {
    if (args.length > params.length) {
      fail(what + ' takes ' + params.length + ' argument' + (params.length === 1 ? '' : 's') +
           ', got ' + args.length);
    }
    var out = new Array(params.length);
    for (var i = 0; i < params.length; i++) out[i] = params[i][1](args[i], params[i][0]);
    for (i = 0; i < params.length; i++) {
      if (params[i][1] === dataset) requireLive(out[i], 'the Dataset passed as ' + params[i][0]);
    }
    return out;
  }
  function dispose(result) {
    // (a C++ function that failed returns null or a default; should it ever
    // return an object anyway, JS never sees it)
    if (result !== null && typeof result === 'object' && isPrototypeOf.call(Handle, result) &&
        result.$$ !== undefined && !isDeleted.call(result)) {
      handleDelete.call(result);
    }
  }
  // Runs the WASM call, then turns a recorded C++ error into a JS Error.
  function enter(thunk) {
    var sp = stackSave();
    var result;
    try {
      result = thunk();
    } finally {
      if (restoreStack) stackRestore(sp);
    }
    var message = takeError();
    if (message) {
      dispose(result);
      fail(message);
    }
    return result;
  }
  function wrapFunction(name, params, fn) {
    return function () {
      var args = convert(arguments, params, name);
      return enter(function () { return fn.apply(null, args); });
    };
  }
  function wrapMethod(cls, name, params, fn) {
    return function () {
      var self = this;
      if (own.get(self) !== cls) fail(cls + '.' + name + ' must be called on a ' + cls + ' made by this engine');
      var args = convert(arguments, params, cls + '.' + name);
      requireLive(self, 'this ' + cls);
      return enter(function () { return fn.apply(self, args); });
    };
  }
  function adopt(h, cls) {
    if (h !== null && typeof h === 'object') {
      own.set(h, cls);
      Object.preventExtensions(h);
    }
    return h;
  }

  var FUNCTIONS = {
    examples: [],
    example: [['id', string]],
    run: [['problem', problem]],
    bookFigures: [],
    codeErrata: [],
    errorCurve: [['problem', problem], ['range', range]],
    errorSurface: [['problem', problem], ['grid', grid]],
    errorBowl: [['problem', problem], ['index', number], ['step', optional(number)]],
    dot: [['a', numbers], ['b', numbers]],
    elementwise: [['a', numbers], ['b', numbers]],
    scaleInputs: [['problem', problem], ['scales', numbers]],
    alphaLimit: [['problem', problem]],
    limits: [],
    heapInUse: [],
    stackPointer: [],
  };
  var CLASSES = {
    Dataset: {
      statics: { fromBytes: [['bytes', function (v) { return bytes(v, 'data file'); }]] },
      getters: ['count', 'rows', 'cols'],
      methods: {
        label: [['index', number]],
        labels: [],
        images: [['begin', number], ['end', number]],
        input: [['index', number]],
        classCounts: [],
      },
    },
    LinearNetwork: {
      ctor: [['seed', number]],
      getters: ['diverged'],
      methods: {
        reset: [['seed', number]],
        trainRange: [['data', dataset], ['begin', number], ['end', number], ['alpha', number]],
        stepImage: [['data', dataset], ['index', number], ['alpha', number]],
        evaluate: [['data', dataset]],
        countCorrect: [['data', dataset], ['begin', number], ['end', number]],
        weights: [],
        loadModel: [['bytes', function (v) { return bytes(v, 'model file'); }]],
        saveModel: [],
        predict: [['input', input784]],
        predictImage: [['data', dataset], ['index', number]],
        contributions: [['input', input784], ['class', number]],
        contributionsImage: [['data', dataset], ['index', number], ['class', number]],
      },
    },
    DigitReader: {
      ctor: [],
      methods: {
        loadModel: [['bytes', function (v) { return bytes(v, 'the model file'); }]],
        loadLinear: [['bytes', function (v) { return bytes(v, 'the linear model file'); }]],
        countCorrect: [['data', dataset]],
        countVerdicts: [['data', dataset]],
        predictImage: [['data', dataset], ['index', number]],
        hasModel: [],
        hasLinear: [],
        architecture: [],
        read: [['rgba', pixels], ['width', number], ['height', number]],
        contributions: [['digit', number]],
        difference: [['a', number], ['b', number]],
        teach: [['label', number], ['alpha', number]],
        replay: [['images', numbers], ['labels', numbers], ['alphas', numbers]],
        countRight: [['images', numbers], ['labels', numbers]],
        resetLinear: [],
        linearWeights: [],
      },
    },
  };

  var wrapped = new WeakSet();  // every function the face made (tests check coverage)
  function mark(f) { wrapped.add(f); return f; }

  var raw = { run: M['runProblem'] };
  delete M['runProblem'];
  for (var name in FUNCTIONS) {
    var fn = raw[name] || M[name];
    if (typeof fn !== 'function') throw new Error('weightlab face: no export ' + name);
    M[name] = mark(wrapFunction(name, FUNCTIONS[name], fn));
  }

  Object.keys(CLASSES).forEach(function (cls) {
    var spec = CLASSES[cls];
    var Raw = M[cls];
    var proto = Raw.prototype;
    Object.keys(spec.methods).forEach(function (m) {
      var f = proto[m];
      if (typeof f !== 'function') throw new Error('weightlab face: no method ' + cls + '.' + m);
      proto[m] = mark(wrapMethod(cls, m, spec.methods[m], f));
    });
    (spec.getters || []).forEach(function (g) {
      var get = Object.getOwnPropertyDescriptor(proto, g).get;
      Object.defineProperty(proto, g, {
        get: mark(function () {
          var self = this;
          if (own.get(self) !== cls) fail(cls + '.' + g + ' must be read from a ' + cls + ' made by this engine');
          requireLive(self, 'this ' + cls);
          return enter(function () { return get.call(self); });
        }),
        set: mark(function () { fail(cls + '.' + g + ' is read-only'); }),
        enumerable: true,
        configurable: false,
      });
    });
    var Face = Raw;
    if (spec.ctor) {
      var params = spec.ctor;
      Face = mark(function Face() {
        if (!(this instanceof Face)) fail('use new ' + cls + '(...)');
        var args = convert(arguments, params, 'new ' + cls);
        return adopt(enter(function () {
          var h = Reflect.construct(Raw, args);
          return h.$$ === undefined ? null : h;  // a failed C++ constructor gives no object
        }), cls);
      });
      Face.prototype = proto;
      Object.defineProperty(Face, 'name', { value: cls });
    }
    Object.keys(spec.statics || {}).forEach(function (s) {
      var f = wrapFunction(cls + '.' + s, spec.statics[s], Raw[s]);
      Face[s] = mark(function () { return adopt(f.apply(null, arguments), cls); });
    });
    M[cls] = Face;
  });
  Handle.clone = mark(function () {
    var cls = own.get(this);
    if (cls === undefined) fail('clone must be called on an object made by this engine');
    return adopt(handleClone.call(this), cls);
  });

  M['faceWraps'] = function (f) { return wrapped.has(f); };  // for the coverage test
});
