parameters:
  lr: {type: float, default: 0.01}
  epochs: {type: float, default: 5}
  batch_size: {type: float, default: 64}
  hidden_size: {type: float, default: 32}
  seed: {type: float, default: 42}
command: "python src/[=package_name]/train.py trainer.lr={lr} trainer.epochs={epochs} trainer.batch_size={batch_size} trainer.hidden_size={hidden_size} trainer.seed={seed}"
